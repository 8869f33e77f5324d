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
  /** The terms a text in each vocabulary language is scored against (see the service's byLanguage). */
  termsByLang: Record<string, string[]>;
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

/** The concepts' terms as one query; no terms make an empty query, which matches nothing. */
function expansionQuery(terms: string[]): SQL {
  if (terms.length === 0) return sql`''::tsquery`;
  return sql.join(terms.map((term) => sql`phraseto_tsquery('public.search_simple'::regconfig, ${term})`), sql` || `);
}

// Vocabulary languages are our own two-letter codes; checked anyway, as they become column names.
const LANG_COLUMN = /^[a-z]{2,3}$/;
const termLangs = (q: TextQuery) => Object.keys(q.termsByLang).filter((lang) => LANG_COLUMN.test(lang)).sort();

/**
 * The expansion query a text is scored against: its language's terms and the lending languages' (a dozen)
 * rather than all of them (up to 60) — scoring costs time in proportion to the query's terms, for every
 * matching text. A text in a language the vocabulary lacks is scored against every term.
 */
function expansionForText(q: TextQuery): SQL {
  const langs = termLangs(q);
  if (langs.length === 0) return sql`params.xq`;
  const branches = langs.map((lang) => sql.raw(`when '${lang}' then params.xq_${lang}`));
  return sql`(case lower(split_part(t.lang, '-', 1)) ${sql.join(branches, sql` `)} else params.xq end)`;
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

const whereOf = (f: SearchFilters) => sql.join([sql`p.status = 'published'`, ...filterConditions(f)], sql` and `);

const fuzzyTextOf = (q: TextQuery) => (q.raw.length <= FUZZY_MAX_CHARS ? q.raw : '');

function paramsOf(q: TextQuery): SQL {
  const perLang = termLangs(q).map((lang) => sql`, (${expansionQuery(q.termsByLang[lang]!)}) as ${sql.raw(`xq_${lang}`)}`);
  return sql`select (${tsQuery(q)}) as tsq, (${expansionQuery(q.terms)}) as xq${sql.join(perLang, sql``)},
    lower(public.immutable_unaccent(${fuzzyTextOf(q)})) as fq`;
}

/**
 * The (practice, language) keys of the texts that match the words, the concepts' terms or the title's
 * trigrams, each part through its own index; `is_fuzzy` spares the scoring a second trigram test. As
 * one OR'ed condition over a broad query the planner scans every text instead and tests each title for
 * trigram similarity, most of the cost.
 */
function matchingTexts(q: TextQuery): SQL {
  const keys = (isFuzzy: boolean) => sql`select t.practice_id, t.lang, ${sql.raw(String(isFuzzy))} as is_fuzzy from practice_texts t`;
  // The text queries come from `params`, computed once: written inline they are evaluated again for each row.
  const parts = [sql`${keys(false)}, params where t.search_vector @@ params.tsq`];
  if (q.terms.length > 0) parts.push(sql`${keys(false)}, params where t.search_vector @@ params.xq`);
  const fuzzy = fuzzyTextOf(q);
  // A constant once bound, so the trigram index serves it.
  if (fuzzy) parts.push(sql`${keys(true)} where lower(public.immutable_unaccent(${fuzzy})) operator(public.<%) ${normTitle}`);
  return sql`select practice_id, lang, bool_or(is_fuzzy) as is_fuzzy from (${sql.join(parts, sql` union all `)}) k group by practice_id, lang`;
}

/** Practices tagged with a concept named in the query match even when no text does. */
function taggedOf(tags: TextQuery['tags']): SQL {
  if (!hasTags(tags)) return sql`false`;
  return sql`(p.themes && ${textArray(tags.themes)} or p.target_groups && ${textArray(tags.targetGroups)}
        or p.technologies && ${textArray(tags.technologies)} or p.sdgs && ${intArray(tags.sdgs)}
        or p.wsis_action_lines && ${textArray(tags.wsis)})`;
}

/**
 * The matching published practices with their best language version and score, as a CTE body. Texts are
 * scored only for practices the filters keep: a filter (theme, country…) then saves the ranking work
 * on every text it rules out.
 */
function matches(q: TextQuery, f: SearchFilters, cols: SQL = sql`p.id`): SQL {
  const where = whereOf(f);
  if (!q.tsText) return sql`select ${cols}, null::text as lang, 0::float8 as score from practices p where ${where}`;
  return sql`
    with params as (${paramsOf(q)}),
    hits as (
      select t.practice_id, t.lang,
        ts_rank(t.search_vector, params.tsq, 1)
          + ${EXPANSION_WEIGHT} * ts_rank(t.search_vector, ${expansionForText(q)}, 1)
          + case when k.is_fuzzy then ${FUZZY_WEIGHT} * public.word_similarity(params.fq, ${normTitle}) else 0 end as score
      from (${matchingTexts(q)}) k join practice_texts t on t.practice_id = k.practice_id and t.lang = k.lang
        join practices p on p.id = t.practice_id, params
      where ${where}
    ),
    best as (select distinct on (practice_id) practice_id, lang, score from hits order by practice_id, score desc, lang)
    select ${cols}, b.lang, (coalesce(b.score, 0) + ${tagScore(q.tags)})::float8 as score
    from practices p left join best b on b.practice_id = p.id
    where ${where} and (b.practice_id is not null or ${taggedOf(q.tags)})`;
}

/**
 * The same practices as `matches`, unranked, with the columns `cols` of each. Counting needs no
 * score, and scoring is most of the work: ts_rank costs time in proportion to the query's terms
 * (a named concept brings up to 60) for every matching text, tens of thousands on a large node.
 */
function matchedPractices(q: TextQuery, f: SearchFilters, cols: SQL): SQL {
  const where = whereOf(f);
  if (!q.tsText) return sql`select ${cols} from practices p where ${where}`;
  return sql`
    with params as (${paramsOf(q)}),
    hits as (select distinct k.practice_id from (${matchingTexts(q)}) k join practices p on p.id = k.practice_id where ${where})
    select ${cols} from practices p left join hits h on h.practice_id = p.id
    where ${where} and (h.practice_id is not null or ${taggedOf(q.tags)})`;
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
  const [row] = await rowsOf<{ n: number }>(db.execute(sql`select count(*)::int as n from (${matchedPractices(q, f, sql`p.id`)}) m`));
  return row?.n ?? 0;
}

// Country → region as a JSON object (a country is in one region: see regionOf); the codes are our own
// constants (ISO 3166-1), not user input.
const REGION_OF = sql.raw(`'${JSON.stringify(Object.fromEntries(REGIONS.flatMap((r) => countriesOf(r).map((c) => [c, r]))))}'::jsonb`);

const FACETS: SearchFacet[] = ['theme', 'targetGroup', 'technology', 'sdg', 'wsis', 'country', 'region', 'costBand', 'language'];
const FACET_COLUMNS = sql`p.id, p.themes, p.target_groups, p.technologies, p.sdgs, p.wsis_action_lines, p.countries, p.languages, p.cost_band`;

// Each facet is counted on its own (one small aggregate per facet rather than one over every value of
// every facet of every match), each practice once per value even when it has two countries in one region
// or a language both listed and written — without a DISTINCT over all matches, which spills to disk on a
// large node, nor a join run again for each match: a listed language counts at its first position only, a
// written one only when it is not listed.
const count = (facet: SearchFacet, values: SQL) =>
  sql`select ${facet}::text as facet, value, count(*)::int as n from (${values}) v where value is not null group by value`;
const FACET_COUNTS = sql.join([
  count('theme', sql`select unnest(p.themes) as value from m p`),
  count('targetGroup', sql`select unnest(p.target_groups) as value from m p`),
  count('technology', sql`select unnest(p.technologies) as value from m p`),
  count('sdg', sql`select unnest(p.sdgs)::text as value from m p`),
  count('wsis', sql`select unnest(p.wsis_action_lines) as value from m p`),
  count('country', sql`select unnest(p.countries) as value from m p`),
  count('region', sql`select unnest(array(select distinct ${REGION_OF} ->> c from unnest(p.countries) c)) as value from m p`),
  count('costBand', sql`select p.cost_band as value from m p`),
  count('language', sql`select l.lang as value from m p cross join unnest(p.languages) with ordinality l(lang, i)
    where array_position(p.languages, l.lang) = l.i
    union all select t.lang from m p join practice_texts t on t.practice_id = p.id where array_position(p.languages, t.lang) is null`),
], sql` union all `);

type PageOrFacetRow = { kind: 'hit' | 'total' | 'facet'; id: string | null; lang: string | null; score: number | null; facet: SearchFacet | null; value: string | null; n: number };

/**
 * One page, best first, the number of matches and how many of them carry each facet value — from one
 * statement over one materialised match set, so that the texts are matched and scored once.
 */
export async function searchPageWithFacets(db: DbOrTx, q: TextQuery, f: SearchFilters, page: { limit: number; offset: number }) {
  const rows = await rowsOf<PageOrFacetRow>(db.execute(sql`
    with m as materialized (${matches(q, f, FACET_COLUMNS)}),
    hit as (select id, lang, score from m order by score desc, id limit ${page.limit} offset ${page.offset})
    select 'hit' as kind, id::text, lang, score, null as facet, null as value, 0 as n, row_number() over (order by score desc, id)::int as ord from hit
    union all select 'total', null, null, null, null, null, count(*)::int, 0 from m
    union all select 'facet', null, null, null, facet, value, n, -n from (${FACET_COUNTS}) c
    order by kind, facet, ord, value`));
  const counts = Object.fromEntries(FACETS.map((facet) => [facet, [] as { value: string; count: number }[]])) as FacetCounts;
  const hits: { id: string; lang: string | null; score: number }[] = [];
  let total = 0;
  for (const r of rows) {
    if (r.kind === 'facet') counts[r.facet!].push({ value: r.value!, count: r.n });
    else if (r.kind === 'total') total = r.n;
    else hits.push({ id: r.id!, lang: r.lang, score: Number(r.score) });
  }
  return { rows: hits, total, facets: counts };
}

/**
 * The searched tables' generation (migration 0015); null while a write to them is in flight, this caller's
 * own included: do not cache then. Read it before the search query, outside any transaction.
 */
export async function searchGeneration(db: DbOrTx): Promise<bigint | null> {
  const [row] = await rowsOf<{ g: string | null }>(db.execute(sql`select public.search_generation()::text as g`));
  return row?.g == null ? null : BigInt(row.g);
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
    ? sql`(${tsQuery(q)}) || (${expansionQuery(q.terms)}) || websearch_to_tsquery(public.search_config(t.lang), ${q.tsText})`
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
