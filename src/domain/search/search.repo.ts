import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { countriesOf, REGIONS } from '../matching/regions.js';
import type { FacetCounts, SearchFacet, SearchFilters } from './search.js';

/** What the service decided to look for; every string reaches SQL as a bound parameter. */
export type TextQuery = {
  /** The query as typed, for trigram matching on titles; empty when only browsing. */
  raw: string;
  /** In websearch_to_tsquery syntax; empty when only browsing. */
  tsText: string;
  /** Languages whose configurations parse `tsText` (the `simple` one always does). */
  langs: string[];
  /** Labels and synonyms of the concepts named in the query, matched as exact phrases. */
  terms: string[];
  /** Concepts named in the query: tagged practices match and rank higher. */
  tags: { themes: string[]; targetGroups: string[]; technologies: string[]; sdgs: number[]; wsis: string[] };
};

// Weights of the parts of a score; a tag match counts like a good title match.
const FUZZY_WEIGHT = sql.raw('0.5');
const TAG_WEIGHT = sql.raw('0.3');
// A concept's other terms ("hospital" for a query naming health) widen the net but rank low.
const EXPANSION_WEIGHT = sql.raw('0.2');
// Trigram matching on a long query only costs time: titles are short.
const FUZZY_MAX_CHARS = 60;

const textArray = (xs: string[]) => sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
const intArray = (xs: number[]) => sql`${`{${xs.map((n) => Math.trunc(n)).join(',')}}`}::int[]`;
const hasTags = (t: TextQuery['tags']) => Object.values(t).some((xs) => xs.length > 0);
const normTitle = sql`lower(public.immutable_unaccent(t.title))`;

function tsQuery(q: TextQuery): SQL {
  const parts = [sql`websearch_to_tsquery('public.search_simple'::regconfig, ${q.tsText})`];
  for (const lang of q.langs) parts.push(sql`websearch_to_tsquery(public.search_config(${lang}), ${q.tsText})`);
  return sql.join(parts, sql` || `);
}

/** The concepts' terms in every language; an empty query matches nothing. */
function expansionQuery(q: TextQuery): SQL {
  if (q.terms.length === 0) return sql`''::tsquery`;
  return sql.join(q.terms.map((term) => sql`phraseto_tsquery('public.search_simple'::regconfig, ${term})`), sql` || `);
}

function tagScore(tags: TextQuery['tags']): SQL {
  return sql`(${TAG_WEIGHT} * ((p.themes && ${textArray(tags.themes)})::int + (p.target_groups && ${textArray(tags.targetGroups)})::int
    + (p.technologies && ${textArray(tags.technologies)})::int + (p.sdgs && ${intArray(tags.sdgs)})::int
    + (p.wsis_action_lines && ${textArray(tags.wsis)})::int))`;
}

function filterConditions(f: SearchFilters): SQL[] {
  const conds: SQL[] = [];
  if (f.theme) conds.push(sql`${f.theme} = any(p.themes)`);
  if (f.sdg) conds.push(sql`${f.sdg}::int = any(p.sdgs)`);
  if (f.wsis) conds.push(sql`${f.wsis} = any(p.wsis_action_lines)`);
  if (f.technology) conds.push(sql`${f.technology} = any(p.technologies)`);
  if (f.targetGroup) conds.push(sql`${f.targetGroup} = any(p.target_groups)`);
  if (f.country) conds.push(sql`${f.country} = any(p.countries)`);
  if (f.region) conds.push(sql`p.countries && ${textArray(countriesOf(f.region))}`);
  if (f.costBand) conds.push(sql`p.cost_band = ${f.costBand}`);
  if (f.language) {
    conds.push(sql`(${f.language} = any(p.languages) or exists (select 1 from practice_texts l where l.practice_id = p.id and l.lang = ${f.language}))`);
  }
  return conds;
}

/** The matching published practices with their best language version and score, as a CTE body. */
function matches(q: TextQuery, f: SearchFilters): SQL {
  const where = sql.join([sql`p.status = 'published'`, ...filterConditions(f)], sql` and `);
  if (!q.tsText) return sql`select p.id, null::text as lang, 0::float8 as score from practices p where ${where}`;
  const fuzzyText = q.raw.length <= FUZZY_MAX_CHARS ? q.raw : '';
  const tagged = hasTags(q.tags)
    ? sql`(p.themes && ${textArray(q.tags.themes)} or p.target_groups && ${textArray(q.tags.targetGroups)}
        or p.technologies && ${textArray(q.tags.technologies)} or p.sdgs && ${intArray(q.tags.sdgs)}
        or p.wsis_action_lines && ${textArray(q.tags.wsis)})`
    : sql`false`;
  return sql`
    with params as (
      select (${tsQuery(q)}) as tsq, (${expansionQuery(q)}) as xq, lower(public.immutable_unaccent(${fuzzyText})) as fq
    ),
    hits as (
      select t.practice_id, t.lang,
        ts_rank_cd(t.search_vector, params.tsq, 1)
          + ${EXPANSION_WEIGHT} * ts_rank_cd(t.search_vector, params.xq, 1)
          + case when params.fq <> '' and params.fq operator(public.<%) ${normTitle}
              then ${FUZZY_WEIGHT} * public.word_similarity(params.fq, ${normTitle}) else 0 end as score
      from practice_texts t, params
      where t.search_vector @@ params.tsq or t.search_vector @@ params.xq
        or (params.fq <> '' and params.fq operator(public.<%) ${normTitle})
    ),
    best as (select distinct on (practice_id) practice_id, lang, score from hits order by practice_id, score desc, lang)
    select p.id, b.lang, (coalesce(b.score, 0) + ${tagScore(q.tags)})::float8 as score
    from practices p left join best b on b.practice_id = p.id
    where ${where} and (b.practice_id is not null or ${tagged})`;
}

type Row = { id: string; lang: string | null; score: number; total: number };

/** One page, best first; ties broken by id so that pages never overlap or skip. */
export async function searchPage(db: DbOrTx, q: TextQuery, f: SearchFilters, page: { limit: number; offset: number }) {
  const rows = await rowsOf<Row>(db.execute(sql`
    select m.id, m.lang, m.score, count(*) over ()::int as total
    from (${matches(q, f)}) m
    order by m.score desc, m.id
    limit ${page.limit} offset ${page.offset}`));
  // A page past the end has no rows to carry the total; count separately then.
  const total = rows[0]?.total ?? (page.offset > 0 ? await countMatches(db, q, f) : 0);
  return { rows: rows.map((r) => ({ id: r.id, lang: r.lang, score: Number(r.score) })), total };
}

async function countMatches(db: DbOrTx, q: TextQuery, f: SearchFilters): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db.execute(sql`select count(*)::int as n from (${matches(q, f)}) m`));
  return row?.n ?? 0;
}

// Country → region as an inline table; the codes are our own constants (ISO 3166-1), not user input.
const REGION_TABLE = sql.raw(`values ${REGIONS.flatMap((r) => countriesOf(r).map((c) => `('${c}', '${r}')`)).join(', ')}`);

const FACET_COLUMNS: [SearchFacet, SQL][] = [
  ['theme', sql`unnest(p.themes)`],
  ['targetGroup', sql`unnest(p.target_groups)`],
  ['technology', sql`unnest(p.technologies)`],
  ['sdg', sql`unnest(p.sdgs)::text`],
  ['wsis', sql`unnest(p.wsis_action_lines)`],
  ['country', sql`unnest(p.countries)`],
  ['region', sql`unnest(array(select distinct r.region from unnest(p.countries) c join (${REGION_TABLE}) r(code, region) on r.code = c))`],
  ['costBand', sql`p.cost_band`],
  ['language', sql`unnest(array(select distinct x from unnest(p.languages || array(select l.lang from practice_texts l where l.practice_id = p.id)) x))`],
];

/** How many of all the matches (not just this page) carry each facet value. */
export async function facetCounts(db: DbOrTx, q: TextQuery, f: SearchFilters): Promise<FacetCounts> {
  const selects = FACET_COLUMNS.map(([facet, expr]) => sql`select ${facet}::text as facet, ${expr} as value from practices p join m on m.id = p.id`);
  const rows = await rowsOf<{ facet: SearchFacet; value: string | null; n: number }>(db.execute(sql`
    with m as (${matches(q, f)})
    select facet, value, count(*)::int as n from (${sql.join(selects, sql` union all `)}) v
    where value is not null group by facet, value order by facet, n desc, value`));
  const counts = Object.fromEntries(FACET_COLUMNS.map(([facet]) => [facet, [] as { value: string; count: number }[]])) as FacetCounts;
  for (const r of rows) counts[r.facet].push({ value: r.value!, count: r.n });
  return counts;
}

// Control characters cannot occur in stored text (validation refuses them), so they can carry markup
// through ts_headline safely: \x01/\x02 open and close a highlight, \x03 \x04 \x05 stand for < > &,
// which ts_headline would otherwise read as HTML tags and drop.
const safeForHeadline = (col: SQL) =>
  sql`replace(replace(replace(translate(${col}, E'\\x01\\x02\\x03\\x04\\x05', ''), '&', E'\\x05'), '<', E'\\x03'), '>', E'\\x04')`;
const TITLE_OPTIONS = 'HighlightAll=true, StartSel=\u0001, StopSel=\u0002';
const SNIPPET_OPTIONS = 'MinWords=15, MaxWords=35, ShortWord=2, StartSel=\u0001, StopSel=\u0002';

/** Title and excerpt of each (practice, language) with the query's words marked; see `safeForHeadline`. */
export async function headlines(db: DbOrTx, q: TextQuery, wanted: { id: string; lang: string }[]) {
  if (wanted.length === 0) return [];
  const pairs = sql.join(wanted.map((w) => sql`(${w.id}::uuid, ${w.lang})`), sql`, `);
  const query = q.tsText
    ? sql`(${tsQuery(q)}) || (${expansionQuery(q)}) || websearch_to_tsquery(public.search_config(t.lang), ${q.tsText})`
    : sql`''::tsquery`;
  const body = sql`concat_ws(' … ', nullif(t.summary, ''), nullif(t.problem, ''), nullif(t.context, ''), nullif(t.lessons, ''))`;
  return rowsOf<{ id: string; lang: string; title: string; snippet: string }>(db.execute(sql`
    select t.practice_id as id, t.lang,
      ts_headline(public.search_config(t.lang), ${safeForHeadline(sql`t.title`)}, ${query}, ${TITLE_OPTIONS}) as title,
      ts_headline(public.search_config(t.lang), ${safeForHeadline(body)}, ${query}, ${SNIPPET_OPTIONS}) as snippet
    from practice_texts t join (values ${pairs}) w(id, lang) on w.id = t.practice_id and w.lang = t.lang`));
}

// PGlite answers { rows }, node-postgres a QueryResult with rows too.
async function rowsOf<T>(result: Promise<unknown>): Promise<T[]> {
  return ((await result) as { rows: T[] }).rows;
}
