import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import MiniSearch from 'minisearch';
import type { AppContext } from '../../src/context.js';
import { FORMAT_NAME, FORMAT_VERSION, type OpenDataFile } from '../../src/domain/opendata/format.js';
import { importOpenData } from '../../src/domain/opendata/import.service.js';
import { SUMMARY_MAX } from '../../src/domain/practices/practices.js';
import { rankPractices } from '../../src/domain/search/search.service.js';
import { wordsOf } from '../../src/lib/words.js';
import type { Doc, Query } from './datasets.js';

/** One ranking to compare: the ids of at most `k` documents, best first. */
export type System = { name: string; search(q: Query, k: number): Promise<string[]> };

const INTERFACE_LANGUAGES = new Set(['en', 'fr', 'es', 'ar']);
const TITLE_MAX = 160;
const FIELD_MAX = 4000;

/** Cut at the last space before `max` characters, so no word is split. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const at = s.lastIndexOf(' ', max);
  return s.slice(0, at > max / 2 ? at : max);
}

/**
 * A document as a practice's texts: the title (or the opening words when it has none), the opening as
 * summary, the rest in context and problem. Every system indexes exactly these strings.
 */
export function storedText(d: Doc) {
  const summary = cut(d.body, SUMMARY_MAX);
  const rest = d.body.slice(summary.length).trim();
  const context = cut(rest, FIELD_MAX);
  const problem = cut(rest.slice(context.length).trim(), FIELD_MAX);
  return { title: cut(d.title || d.body, TITLE_MAX), summary, context, problem };
}

const uuidOf = (id: string) => {
  const h = createHash('sha256').update(id).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** Loads the documents as published practices through the open-data import, as an operator would. */
export async function loadPractices(ctx: AppContext, docs: Doc[]): Promise<Map<string, string>> {
  const docOf = new Map<string, string>();
  const practices = docs.map((d) => {
    docOf.set(uuidOf(d.id), d.id);
    // Tags are required; one neutral set for all, so no document gains from a tag match.
    return {
      id: uuidOf(d.id), status: 'published', originalLanguage: d.lang, texts: { [d.lang]: storedText(d) },
      technologies: ['other'], targetGroups: [], themes: ['connectivity'], sdgs: [], wsisActionLines: [], countries: ['NE'], languages: [d.lang], hubIds: [],
    };
  });
  const file = { format: FORMAT_NAME, version: FORMAT_VERSION, exportedAt: '2026-01-01T00:00:00Z', hubs: [], practices } as unknown as OpenDataFile;
  const summary = await importOpenData(ctx, file);
  if (summary.practices.imported !== docs.length) throw new Error(`imported ${summary.practices.imported} of ${docs.length}: ${JSON.stringify(summary.problems.slice(0, 3))}`);
  return docOf;
}

/** Passerelle's own ranking: the search service's, without the facets and snippets a page adds. */
export function passerelle(ctx: AppContext, docOf: Map<string, string>): System {
  return {
    name: 'Passerelle',
    async search(q, k) {
      const lang = INTERFACE_LANGUAGES.has(q.lang) ? q.lang : 'en';
      const result = await rankPractices(ctx, { q: q.text, perPage: k }, lang);
      return result.items.map((hit) => docOf.get(hit.id)!);
    },
  };
}

/** Baseline: one `simple` configuration, ts_rank, any word may match — what a first version would do. */
export async function plainTsRank(ctx: AppContext, docs: Doc[]): Promise<System> {
  await ctx.db.execute(sql`create table bench_plain (id text primary key, tsv tsvector not null)`);
  for (let i = 0; i < docs.length; i += 500) {
    const rows = docs.slice(i, i + 500).map((d) => {
      const t = storedText(d);
      return sql`(${d.id}, to_tsvector('simple', ${[t.title, t.summary, t.context, t.problem].join('\n')}))`;
    });
    await ctx.db.execute(sql`insert into bench_plain (id, tsv) values ${sql.join(rows, sql`, `)}`);
  }
  await ctx.db.execute(sql`create index bench_plain_tsv on bench_plain using gin (tsv)`);
  return {
    name: 'ts_rank (simple)',
    async search(q, k) {
      const words = wordsOf(q.text).join(' or ');
      const res = (await ctx.db.execute(sql`
        select id from bench_plain, websearch_to_tsquery('simple', ${words}) q
        where tsv @@ q order by ts_rank(tsv, q) desc, id limit ${k}`)) as unknown as { rows: { id: string }[] };
      return res.rows.map((r) => r.id);
    },
  };
}

/** Baseline: MiniSearch (BM25, prefix and fuzzy matching as its README suggests), in process. */
export function miniSearch(docs: Doc[]): System {
  const index = new MiniSearch<{ id: string; title: string; text: string }>({ fields: ['title', 'text'] });
  index.addAll(docs.map((d) => {
    const t = storedText(d);
    return { id: d.id, title: t.title, text: [t.summary, t.context, t.problem].join('\n') };
  }));
  return {
    name: 'MiniSearch',
    async search(q, k) {
      return index.search(q.text, { prefix: true, fuzzy: 0.2 }).slice(0, k).map((r) => String(r.id));
    },
  };
}
