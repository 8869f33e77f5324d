import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { AnalysisResult } from '../../domain/consultation/analysis/analysis.js';
import { analyzeConsultation } from '../../domain/consultation/analysis/analyze.js';
import { compareIds } from '../../domain/consultation/analysis/matrix.js';
import { compareWithPolis, type PolisComparison } from '../../domain/consultation/polis/polis-compare.js';
import { readPolisFolder, type PolisComment } from '../../domain/consultation/polis/polis-import.js';
import { DomainError } from '../../domain/errors.js';
import { importPolisConversation } from '../../domain/consultation/polis-import.service.js';
import { withContext } from '../with-context.js';

const seedSchema = z.coerce.number().int().min(0).max(2 ** 32 - 1);

const percent = (p: number) => `${Math.round(p * 100)}%`;
const clip = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text).replace(/\s+/g, ' ');

function summary(dir: string, comments: PolisComment[], a: AnalysisResult, polis: PolisComparison): string {
  const text = new Map(comments.map((c) => [c.id, c.text]));
  const lines = [
    `${dir}: ${a.counts.participants} participants (${a.counts.clustered} clustered), ${a.counts.statements} statements in the math, ${a.counts.votes} current votes`,
    a.status === 'ok'
      ? `opinion groups: ${a.k} (${a.groups.map((g) => g.size).join(', ')}), stability ${a.stability ? a.stability.meanAdjustedRand.toFixed(2) : 'not measured'}`
      : 'opinion groups: not enough votes yet',
    `Polis's own groups: ${polis.k}; adjusted Rand index with ours ${polis.adjustedRandIndex.toFixed(3)} over ${polis.clusteredByBoth} participants`,
  ];
  for (const g of a.groups) {
    lines.push(`group ${g.id} (${g.size}):`);
    for (const r of g.representative.slice(0, 3)) lines.push(`  ${r.repfulFor} ${percent(r.pSuccess)} — ${clip(text.get(r.statementId) ?? r.statementId)}`);
  }
  if (a.consensus.agree.length) lines.push('consensus:');
  for (const c of a.consensus.agree.slice(0, 3)) lines.push(`  agree ${percent(c.pSuccess)} — ${clip(text.get(c.statementId) ?? c.statementId)}`);
  return `${lines.join('\n')}\n`;
}

export function registerConsult(program: Command) {
  const consult = program.command('consult').description('multi-stakeholder consultations: opinion analysis, Polis interoperability');
  consult
    .command('analyze')
    .description('print the opinion analysis of a Polis export folder, without storing anything')
    .requiredOption('--polis <dir>', 'a Polis export folder: comments.csv, votes.csv, participants-votes.csv')
    .option('--json', 'print the whole analysis as JSON')
    .option('--seed <n>', 'seed of every random choice: the same seed gives the same result', '1')
    .action(async (opts: { polis: string; json?: boolean; seed: string }) => {
      try {
        const seed = seedSchema.safeParse(opts.seed);
        if (!seed.success) throw new DomainError('invalid', `--seed takes a whole number from 0 to ${2 ** 32 - 1}.`);
        const conversation = await readPolisFolder(opts.polis);
        const analysis = analyzeConsultation(conversation.input, { seed: seed.data });
        const polis = compareWithPolis(conversation.polisGroups, analysis);
        if (!opts.json) {
          process.stdout.write(summary(opts.polis, conversation.comments, analysis, polis));
          return;
        }
        const statements = [...conversation.comments].sort((x, y) => compareIds(x.id, y.id)).map((c) => ({ id: c.id, text: c.text, moderated: c.moderated }));
        process.stdout.write(`${JSON.stringify({ source: { polis: opts.polis, voteRows: conversation.voteRows }, statements, ...analysis, polis })}\n`);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        console.error(`error: ${e.message}`);
        process.exitCode = 1;
      }
    });
  consult
    .command('import-polis')
    .description('store a Polis export folder as a new consultation (all or nothing) and print its id')
    .argument('<dir>', 'a Polis export folder: comments.csv, votes.csv, participants-votes.csv')
    .option('--title <title>', 'the consultation\'s title (default: the folder name)')
    .option('--lang <code>', 'language of the comments (BCP 47)', 'en')
    .action(async (dir: string, opts: { title?: string; lang: string }) => {
      // The folder is read and checked before any database is opened.
      let conversation;
      try {
        conversation = await readPolisFolder(dir);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        console.error(`error: ${e.message}`);
        process.exitCode = 1;
        return;
      }
      await withContext(async (ctx) => {
        await ctx.database.migrate();
        const s = await importPolisConversation(ctx, conversation, { title: opts.title ?? path.basename(path.resolve(dir)), lang: opts.lang });
        console.log(`consultation ${s.consultationId}: ${s.participants} participants, ${s.statements} statements, ${s.votes} votes`);
      });
    });
}
