import type { Dataset, Doc, Query } from './datasets.js';

/** How one query's ranked list is judged: metric values keyed by target language (or 'all'). */
export type Scores = Map<string, Record<string, number>>;
export type Judge = (q: Query, ranked: Doc[]) => Scores;

/** DCG over binary relevance, normalised by the best order of `relevantCount` documents. */
export function ndcgAt(k: number, isRelevant: boolean[], relevantCount: number): number {
  const dcg = isRelevant.slice(0, k).reduce((s, rel, i) => s + (rel ? 1 / Math.log2(i + 2) : 0), 0);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevantCount); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** 1/rank of the first relevant document, 0 when it is not in the list. */
export function reciprocalRank(isRelevant: boolean[]): number {
  const i = isRelevant.indexOf(true);
  return i < 0 ? 0 : 1 / (i + 1);
}

function byLang(docs: Doc[]): Map<string, Doc[]> {
  const out = new Map<string, Doc[]>();
  for (const d of docs) out.set(d.lang, [...(out.get(d.lang) ?? []), d]);
  return out;
}

/**
 * SIB-200. Per target language, the ranked list is restricted to that language (a document's score
 * does not depend on the filter, so this equals filtering the search): recall@1 and MRR of finding
 * the same sentence. Over all languages: nDCG@10 of documents with the query's topic.
 */
export function judgeSib(data: Dataset): Judge {
  const topicSize = new Map<string, number>();
  for (const d of data.docs) topicSize.set(d.label, (topicSize.get(d.label) ?? 0) + 1);
  return (q, ranked) => {
    const out: Scores = new Map();
    const others = ranked.filter((d) => d.id !== q.excludeId);
    for (const [lang, docs] of byLang(others)) {
      if (lang === q.lang) continue;
      const rr = reciprocalRank(docs.map((d) => d.key === q.key));
      out.set(lang, { 'R@1': rr === 1 ? 1 : 0, MRR: rr });
    }
    out.set('all', { 'nDCG@10': ndcgAt(10, others.map((d) => d.label === q.label), topicSize.get(q.label)! - 1) });
    return out;
  };
}

/** MasakhaNEWS: nDCG@10 of same-topic articles, per target language and over all languages. */
export function judgeNews(data: Dataset): Judge {
  const size = new Map<string, number>();
  for (const d of data.docs) for (const k of [`${d.lang} ${d.label}`, `all ${d.label}`]) size.set(k, (size.get(k) ?? 0) + 1);
  return (q, ranked) => {
    const out: Scores = new Map();
    const others = ranked.filter((d) => d.id !== q.excludeId);
    const self = (lang: string) => (lang === 'all' || lang === q.lang ? 1 : 0);
    for (const lang of ['all', ...new Set(data.docs.map((d) => d.lang))]) {
      const docs = lang === 'all' ? others : others.filter((d) => d.lang === lang);
      const relevant = (size.get(`${lang} ${q.label}`) ?? 0) - self(lang);
      out.set(lang, { 'nDCG@10': ndcgAt(10, docs.map((d) => d.label === q.label), relevant) });
    }
    return out;
  };
}

/** AfriQA: recall@10 and MRR of the question's gold passage. */
export function judgeQa(): Judge {
  return (q, ranked) => {
    const hits = ranked.map((d) => d.key === q.key);
    return new Map([['all', { 'R@10': hits.slice(0, 10).includes(true) ? 1 : 0, MRR: reciprocalRank(hits) }]]);
  };
}

/** Mean of each metric per (query language, target) — `source` lets AfriQA split translated questions. */
export class Tally {
  private sums = new Map<string, { sum: number; n: number }>();

  add(source: string, scores: Scores) {
    for (const [target, metrics] of scores) {
      for (const [metric, v] of Object.entries(metrics)) {
        const key = `${source}|${target}|${metric}`;
        const cell = this.sums.get(key) ?? { sum: 0, n: 0 };
        cell.sum += v;
        cell.n += 1;
        this.sums.set(key, cell);
      }
    }
  }

  mean(source: string, target: string, metric: string): number | undefined {
    const cell = this.sums.get(`${source}|${target}|${metric}`);
    return cell ? cell.sum / cell.n : undefined;
  }

  /** The mean over every cell of one metric, each query weighted once per target. */
  overall(metric: string, target?: string): number | undefined {
    let sum = 0;
    let n = 0;
    for (const [key, cell] of this.sums) {
      const [, t, m] = key.split('|');
      if (m === metric && (target === undefined || t === target)) {
        sum += cell.sum;
        n += cell.n;
      }
    }
    return n ? sum / n : undefined;
  }

  count(source: string, target: string, metric: string): number {
    return this.sums.get(`${source}|${target}|${metric}`)?.n ?? 0;
  }
}
