import type { Dataset, Doc } from './datasets.js';
import { Tally, type Judge } from './score.js';
import type { System } from './systems.js';

/** How deep each list is read: a document ranked lower counts as not found. */
export const DEPTH = 50;

export type SystemRun = { system: string; tally: Tally; lists: Map<string, string[]>; msPerQuery: number };

/** Where a query's scores are filed: its language, or "en~ha" for the English translation of a Hausa question. */
const sourceOf = (id: string, lang: string) => (id.includes('~') ? id.split(':')[0]! : lang);

/** Every query of the dataset through one system, judged the same way for all systems. */
export async function runSystem(data: Dataset, judge: Judge, system: System, log: (m: string) => void): Promise<SystemRun> {
  const docs = new Map<string, Doc>(data.docs.map((d) => [d.id, d]));
  const tally = new Tally();
  const lists = new Map<string, string[]>();
  const t0 = performance.now();
  for (const [i, q] of data.queries.entries()) {
    const ids = await system.search(q, DEPTH);
    lists.set(q.id, ids);
    tally.add(sourceOf(q.id, q.lang), judge(q, ids.map((id) => docs.get(id)!)));
    if ((i + 1) % 500 === 0) log(`${data.name} · ${system.name}: ${i + 1}/${data.queries.length}`);
  }
  return { system: system.name, tally, lists, msPerQuery: (performance.now() - t0) / data.queries.length };
}

/** How many queries got the same ranked list from two runs (the same system on two engines). */
export function sameLists(a: SystemRun, b: SystemRun): { same: number; total: number } {
  let same = 0;
  for (const [id, list] of a.lists) if (JSON.stringify(list) === JSON.stringify(b.lists.get(id))) same++;
  return { same, total: a.lists.size };
}
