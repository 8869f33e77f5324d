import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * The three public test sets in ../shared/data, read as documents and queries. Nothing here is
 * copied into the product; the files keep their own licences (see each folder's README).
 */
export type Split = 'train' | 'dev';
/** `key` groups documents that answer the same thing: the same sentence, the same passage. */
export type Doc = { id: string; lang: string; title: string; body: string; label: string; key: string };
export type Query = { id: string; lang: string; text: string; label: string; key: string; excludeId?: string };
export type Dataset = { name: string; docs: Doc[]; queries: Query[]; notes: string[] };

export const DATA_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');

/** Dataset language codes (FLORES, ISO 639-3) → the BCP 47 tags the product stores. */
const BCP47: Record<string, string> = {
  eng: 'en', fra: 'fr', spa: 'es', por: 'pt', arb: 'ar', hau: 'ha', swh: 'sw', swa: 'sw', yor: 'yo',
  amh: 'am', som: 'so', ben: 'bn', hin: 'hi', wol: 'wo',
};
const tag = (code: string) => BCP47[code.split('_')[0]!] ?? code;

function tsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file, 'utf8'), { delimiter: '\t', columns: true, relax_quotes: true, skip_empty_lines: true });
}

/** JSON Lines as Python wrote them: one line of AfriQA's Hausa train passages has a bare NaN. */
function jsonLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => JSON.parse(l.replace(/:\s*NaN\b/g, ': null')) as Record<string, unknown>);
}

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

export const SIB_LANGS = ['eng_Latn', 'fra_Latn', 'spa_Latn', 'por_Latn', 'arb_Arab', 'hau_Latn', 'swh_Latn', 'yor_Latn', 'amh_Ethi', 'som_Latn', 'ben_Beng', 'hin_Deva', 'wol_Latn'];

/** SIB-200: every sentence of the split in 13 languages is a document and, in turn, a query. */
export function sib200(split: Split, limitPerLang = Infinity): Dataset {
  const docs: Doc[] = [];
  for (const code of SIB_LANGS) {
    const rows = tsv(path.join(DATA_DIR, 'sib-200', 'data', 'annotated', code, `${split}.tsv`)).slice(0, limitPerLang);
    for (const r of rows) docs.push({ id: `${tag(code)}:${r.index_id}`, lang: tag(code), title: '', body: r.text!, label: r.category!, key: r.index_id! });
  }
  const queries = docs.map((d) => ({ id: d.id, lang: d.lang, text: d.body, label: d.label, key: d.key, excludeId: d.id }));
  return { name: 'SIB-200', docs, queries, notes: [] };
}

const NEWS_LANGS = ['eng', 'fra', 'hau', 'swa', 'yor', 'amh', 'som'];

/** MasakhaNEWS: articles (headline + body) are the documents; each headline asks for its topic. */
export function masakhaNews(split: Split, limitPerLang = Infinity): Dataset {
  const docs: Doc[] = [];
  const notes: string[] = [];
  for (const code of NEWS_LANGS) {
    let rows: Record<string, string>[];
    try {
      rows = tsv(path.join(DATA_DIR, 'masakhane-news', 'data', code, `${split}.tsv`)).slice(0, limitPerLang);
    } catch (e) {
      if (!isMissing(e)) throw e;
      notes.push(`MasakhaNEWS ${code}: no ${split} split in the data.`);
      continue;
    }
    rows.forEach((r, i) => docs.push({ id: `${tag(code)}:${i}`, lang: tag(code), title: r.headline!, body: r.text!, label: r.category!, key: `${tag(code)}:${i}` }));
  }
  const queries = docs.map((d) => ({ id: d.id, lang: d.lang, text: d.title, label: d.label, key: '', excludeId: d.id }));
  return { name: 'MasakhaNEWS', docs, queries, notes };
}

type AfriqaSet = { lang: string; pivot: 'en' | 'fr' };
const AFRIQA: AfriqaSet[] = [{ lang: 'hau', pivot: 'en' }, { lang: 'swa', pivot: 'en' }, { lang: 'yor', pivot: 'en' }, { lang: 'wol', pivot: 'fr' }];

/**
 * AfriQA: every gold passage in the data (both splits, deduplicated) is a document; questions of the
 * split whose gold passage exists are the queries, asked in the African language and, as a reference,
 * in their human translation. Languages without gold passages in the data cannot be scored.
 */
export function afriqa(split: Split): Dataset {
  const root = path.join(DATA_DIR, 'afriqa', 'data');
  const docs = new Map<string, Doc>();
  const gold = new Map<string, string>();
  const notes: string[] = [];
  for (const s of AFRIQA) {
    for (const sp of ['train', 'dev'] as const) {
      let rows: Record<string, unknown>[];
      try {
        rows = jsonLines(path.join(root, 'gold_passages', s.lang, `gold_span_passages.afriqa.${s.lang}.${s.pivot}.${sp}.json`));
      } catch (e) {
        if (isMissing(e)) continue;
        throw e;
      }
      for (const r of rows) {
        const body = String(r.context);
        if (!docs.has(body)) docs.set(body, { id: `${s.pivot}:${docs.size}`, lang: s.pivot, title: String(r.title ?? ''), body, label: '', key: body });
        gold.set(`${s.lang}:${sp}:${String(r.id)}`, body);
      }
    }
  }
  const queries: Query[] = [];
  for (const s of AFRIQA) {
    const rows = jsonLines(path.join(root, 'queries', s.lang, `queries.afriqa.${s.lang}.${s.pivot}.${split}.json`));
    const answered = rows.filter((r) => gold.has(`${s.lang}:${split}:${String(r.id)}`));
    if (answered.length === 0) notes.push(`AfriQA ${s.lang}: the data has no gold passages for the ${split} questions, so they cannot be scored.`);
    for (const r of answered) {
      const key = gold.get(`${s.lang}:${split}:${String(r.id)}`)!;
      queries.push({ id: `${tag(s.lang)}:${String(r.id)}`, lang: tag(s.lang), text: String(r.question), label: '', key });
      queries.push({ id: `${s.pivot}~${tag(s.lang)}:${String(r.id)}`, lang: s.pivot, text: String(r.translated_question), label: `translation of ${tag(s.lang)}`, key });
    }
  }
  return { name: 'AfriQA', docs: [...docs.values()], queries, notes };
}
