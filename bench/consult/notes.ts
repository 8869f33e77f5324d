import type { ConversationResult } from './report.js';
import { summariseSynthetic, type SyntheticRun } from './synthetic.js';

const f3 = (x: number) => x.toFixed(3);
const range = (xs: number[]) => (Math.min(...xs) === Math.max(...xs) ? f3(xs[0]!) : `${f3(Math.min(...xs))}–${f3(Math.max(...xs))}`);

/** Sentences whose numbers come from this run, so that they stay true when the benchmark is run again. */
export function measuredNotes(conversations: ConversationResult[], synthetic: SyntheticRun[]): string[] {
  const notes: string[] = [];
  const variants = conversations[0]?.runs.map((r) => r.variant) ?? [];
  const of = (v: string) => conversations.map((c) => ({ c, r: c.runs.find((r) => r.variant === v)! }));
  const orders = variants.map((v) => `${v}: mean ${range(of(v).map((x) => x.r.reordered.mean))}, worst run ${f3(Math.min(...of(v).map((x) => x.r.reordered.min)))}`);
  notes.push(`Reordering the participants (ARI with the reference run across the three conversations) — ${orders.join('; ')}. For ours these runs differ from the reference only by their seed: the input's order never reaches its clustering.`);
  const drops = variants.map((v) => `${v}: mean ${range(of(v).map((x) => x.r.dropped.mean))}`);
  notes.push(`Leaving 10% out — ${drops.join('; ')}.`);
  if (variants.length === 2) {
    const [a, b] = variants as [string, string];
    const spreads = of(b).map(({ c, r }) => `${c.name} ${f3(r.polis.adjustedRandIndex)} in the order they joined, ${f3(r.polisOverReorders.min)}–${f3(r.polisOverReorders.max)} over the reorders`);
    notes.push(`With ${b}, the agreement with Polis's own groups is itself a matter of arrival order: ${spreads.join('; ')}. Where the order they joined in happens to score above ${a}, it is one draw of that range.`);
    const ratio = conversations.map((c) => c.runs[0]!.fullMs / c.runs[1]!.fullMs);
    notes.push(`The price of the ensemble (${a}: 15 clusterings and 10 restarts per k of the groups; ${b}: one of each): the full analysis takes ${range(ratio).replace(/\.(\d)\d\d/g, '.$1')}× as long, still seconds for these conversations.`);
  }
  const extra = synthetic.map((run) => {
    const s = summariseSynthetic(run);
    return `${run.variant} with ${run.stabilityRuns} re-runs +${Math.round(s.peakRss - s.inputRss)} MiB`;
  });
  if (synthetic.length && synthetic.every((run) => run.samples.every((x) => x.ariWithCamps > 0.99))) {
    notes.push('The synthetic camps are well separated (every run recovers them exactly, and the published stability is 1): that run measures cost, not difficulty.');
  }
  if (extra.length) notes.push(`Synthetic, peak RSS above the RSS with the input built (what the analysis adds at most; garbage-collector timing moves it by tens of MiB): ${extra.join(', ')}.`);
  return notes;
}

/** What the numbers cannot say by themselves. */
export const FIXED_NOTES = [
  "scoop-hivemind.ubi: its export predates today's participation rule (Polis clustered all 234, 60 of them with fewer than 7 votes, whom Polis now and we leave out), and two of its four groups have nearly the same centre in the PCA plane of the final votes, so no clustering of the final votes separates them: they came from earlier states of the conversation (src/domain/consultation/analysis/method.md). A low ARI there says little about either variant.",
  'brexit-consensus: k = 2 and k = 3 are nearly tied by silhouette (method.md), so leaving a tenth of the voters out flips k in both variants; its "dropped" columns measure that tie more than the start.',
  "Polis init is a stand-in for Polis's order dependence, not a replay of Polis: in production Polis starts each update's k-means from the previous update's clusters (`clean-start-clusters`), so its groups depend on the history of arrivals; its clean start (`init-clusters`) takes the first k distinct rows in the iteration order of its in-conversation set. Here the input's order plays that part. Polis also stops after 20 iterations (or when centres move less than 0.01); both variants here run Lloyd's algorithm to convergence on the same PCA, so the columns differ only in how k-means starts, restarts and is repeated.",
  'Timings: 2 shared CPUs with other work running at the same time (tests, other benchmarks), so times are noisy; compare the columns of one run, not across runs.',
];
