import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPolisFolder } from '../src/domain/consultation/polis/polis-import.js';
import { measureConversation } from './consult/conversation.js';
import { FIXED_NOTES, measuredNotes } from './consult/notes.js';
import { renderSection, type ConversationResult } from './consult/report.js';
import { measureSynthetic, type SyntheticRun } from './consult/synthetic.js';
import { VARIANTS } from './consult/variants.js';
import { machine, updateDocs } from './pages/report.js';

/**
 * `npm run bench:consult`: our opinion groups against Polis's own on the three Polis conversations of
 * ../shared/data/polis, stability under reordering and dropping participants, and analysis time —
 * ours beside the same code started as Polis starts k-means — then time and peak memory on a
 * synthetic 10,000 × 2,000 consultation with a million votes. Writes docs/benchmarks.md.
 */
const CONVERSATIONS = ['scoop-hivemind.biodiversity', 'brexit-consensus', 'scoop-hivemind.ubi'];
const SYNTHETIC_REPEATS = 3;
const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = path.resolve(root, '..', 'shared', 'data', 'polis');
const log = (msg: string) => console.error(`[bench:consult ${(performance.now() / 1000).toFixed(0)}s] ${msg}`);

const conversations: ConversationResult[] = [];
for (const name of CONVERSATIONS) {
  const conversation = await readPolisFolder(path.join(dataDir, name));
  const { input, polisGroups } = conversation;
  log(`${name}: ${polisGroups.size} participants, ${input.statements.length} statements, ${input.votes.length} votes`);
  const runs = VARIANTS.map((v) => measureConversation(conversation, v, (msg) => log(`${name} · ${msg}`)));
  conversations.push({
    name, participants: polisGroups.size, statements: input.statements.length, votes: input.votes.length,
    polisK: new Set([...polisGroups.values()].filter((g) => g !== null)).size, runs,
  });
}

const synthetic: SyntheticRun[] = [];
for (const variant of VARIANTS) {
  for (const stabilityRuns of [0, 10]) {
    log(`synthetic · ${variant.name}, ${stabilityRuns} stability re-runs: ${SYNTHETIC_REPEATS} child processes`);
    synthetic.push(measureSynthetic(variant, stabilityRuns, SYNTHETIC_REPEATS));
  }
}

const section = renderSection({
  conversations, synthetic, repeats: SYNTHETIC_REPEATS,
  notes: [...measuredNotes(conversations, synthetic), ...FIXED_NOTES],
  minutes: performance.now() / 60_000,
}, machine());
console.log(section);
updateDocs(path.join(root, 'docs', 'benchmarks.md'), section);
log('docs/benchmarks.md updated');
