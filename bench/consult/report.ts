import type { machine } from '../pages/report.js';
import { table } from '../pages/report.js';
import type { Summary } from './agreement.js';
import type { VariantRun } from './conversation.js';
import { PLAN } from './conversation.js';
import { SYNTHETIC, summariseSynthetic, type SyntheticRun } from './synthetic.js';

export type ConversationResult = { name: string; participants: number; statements: number; votes: number; polisK: number; runs: VariantRun[] };
export type Report = { conversations: ConversationResult[]; synthetic: SyntheticRun[]; repeats: number; notes: string[]; minutes: number };

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const f3 = (x: number) => x.toFixed(3);
const time = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
const spread = (s: Summary) => `${f3(s.mean)} (${f3(s.min)}–${f3(s.max)})`;
const stable = (s: Summary & { sameK: number }, runs: number) => `${f3(s.mean)} (min ${f3(s.min)}); same k ${Math.round(s.sameK * runs)}/${runs}`;

function conversationTables(report: Report) {
  const names = report.conversations[0]?.runs.map((r) => r.variant) ?? [];
  const label = (c: ConversationResult) => `${c.name} (${c.participants} × ${c.statements}, ${c.runs[0]?.polis.clusteredByBoth ?? 0} compared)`;
  const per = (c: ConversationResult, cell: (r: VariantRun) => string) => c.runs.map(cell);
  const cols = (title: string) => names.map((v) => `${title} · ${v}`);
  const agreement = table(['Conversation (participants × statements)', 'Polis k', ...cols('k'), ...cols('ARI with Polis'), ...cols(`ARI with Polis over the ${PLAN.reorders} reorders, mean (min–max)`)],
    report.conversations.map((c) => [label(c), String(c.polisK), ...per(c, (r) => String(r.k)), ...per(c, (r) => f3(r.polis.adjustedRandIndex)), ...per(c, (r) => spread(r.polisOverReorders))]));
  const stability = table(['Conversation', ...cols(`${PLAN.reorders} reorders`), ...cols(`${PLAN.drops} × ${PLAN.dropShare * 100}% dropped`), ...cols('published stability')],
    report.conversations.map((c) => [c.name, ...per(c, (r) => stable(r.reordered, PLAN.reorders)), ...per(c, (r) => stable(r.dropped, PLAN.drops)),
      ...per(c, (r) => (r.published ? `${f3(r.published.meanAdjustedRand)} (min ${f3(r.published.minAdjustedRand)})` : '—'))]));
  const times = table(['Conversation', 'votes', ...cols('core'), ...cols('full')],
    report.conversations.map((c) => [c.name, n(c.votes), ...per(c, (r) => time(r.coreMs)), ...per(c, (r) => time(r.fullMs))]));
  return { agreement, stability, times };
}

function syntheticTable(report: Report) {
  return table(['Variant', 'stability re-runs', `analysis time (median of ${report.repeats})`, 'peak RSS', 'RSS with the input built (peak while building)', 'k', 'ARI with the true camps', 'published stability'],
    report.synthetic.map((run) => {
      const s = summariseSynthetic(run);
      return [run.variant, String(run.stabilityRuns), time(s.analysisMs), `${n(s.peakRss)} MiB`, `${n(s.inputRss)} MiB (${n(s.first.inputPeakRss)} MiB)`,
        String(s.first.k), f3(s.first.ariWithCamps), s.first.stability ? f3(s.first.stability.meanAdjustedRand) : '—'];
    }));
}

/** The `## bench:consult` section: run facts, method, then agreement, stability, time and the synthetic run, variants side by side. */
export function renderSection(report: Report, m: ReturnType<typeof machine>) {
  const t = conversationTables(report);
  const votes = report.synthetic[0]?.samples[0]?.votes ?? 0;
  const syn = SYNTHETIC;
  return [
    '## bench:consult', '',
    `Run ${m.date} on ${m.line}; the whole benchmark took ${report.minutes.toFixed(1)} min. Data: the three Polis conversations of \`../shared/data/polis\` (compdemocracy/openData, CC BY 4.0), whose participants-votes.csv holds Polis's own group of each participant; then a synthetic consultation.`, '',
    'Method: the same analysis code (vote matrix, PCA, base clusters, groups by silhouette) run two ways. **ours** = the defaults: every k-means starts from seeded k-means++ draws with restarts, participants in id order (the input\'s order never matters), the most typical of 15 clusterings published. **Polis init** = `init: \'polis\'`: every k-means starts from the first k distinct points, participants in the order of the input, base clusters in the order they were started, one clustering, no restarts.', '',
    `*ARI with Polis*: adjusted Rand index between the reference run (participants in the order they joined, i.e. by Polis participant id; seed ${PLAN.seed}) and Polis's \`group-id\`, on participants both clustered. *Reorders*: ${PLAN.reorders} runs with participants and votes shuffled (seeded) and seeds ${PLAN.seed + 1}..${PLAN.seed + PLAN.reorders}; *dropped*: ${PLAN.drops} runs with ${PLAN.dropShare * 100}% of the voters removed at random (the others in their order), seeds likewise; each scored by ARI with the reference run on the participants clustered in both (a run with no groups scores 0). Both variants see the same shuffles and the same absentees. *Published stability*: the score the analysis itself publishes (10 re-runs, 10% left out, other seeds). *Time*: median of ${PLAN.timings} in-process runs (\`performance.now()\`) after warm-up runs; *core* without the published stability's re-runs (\`stabilityRuns: 0\`), *full* with them (the default).`, '',
    '### Agreement with Polis\'s own groups', '', t.agreement, '',
    '### Stability: ARI with the reference run, mean (min), and how often the same k was found', '', t.stability, '',
    '### Analysis time', '', t.times, '',
    `### Synthetic: ${n(syn.participants)} participants × ${n(syn.statements)} statements, ${n(votes)} votes`, '',
    `\`syntheticConsultation\`: ${syn.camps} camps, each statement seen with chance ${syn.density}, noise ${syn.noise}, seed ${syn.seed}. Each sample runs in a fresh \`node --expose-gc\` process: time of \`analyzeConsultation\` alone (median of ${report.repeats}); peak RSS from getrusage (the largest of the ${report.repeats}), which includes Node itself and the million vote objects of the input (the RSS column after building it, garbage collected; in brackets the peak while building it).`, '',
    syntheticTable(report), '',
    ...report.notes.map((note) => `- ${note}`), '',
  ].join('\n');
}
