import type { Practice, PracticeText } from '../../domain/practices/practices.js';
import { list, num, rows, str, type FormBody } from './form-body.js';

export const TEXT_FIELDS = ['title', 'summary', 'problem', 'context', 'sustainabilityEconomic', 'sustainabilitySocial', 'sustainabilityCultural', 'lessons'] as const;
const BLOCK_KEYS = ['title', 'description', 'enablingFactors'] as const;
const RESULT_KEYS = ['indicator', 'value', 'source'] as const;

/** The texts of one language from the form, in the shape the domain validates. */
export function formToText(body: FormBody) {
  const text: Record<string, unknown> = Object.fromEntries(TEXT_FIELDS.map((k) => [k, str(body, `text.${k}`)]));
  text.approach = rows(body, 'text.approach', BLOCK_KEYS);
  text.results = rows(body, 'text.results', RESULT_KEYS);
  return text;
}

/** The language-independent facts from the form. */
export function formToFacts(body: FormBody) {
  return {
    technologies: list(body, 'technologies'),
    targetGroups: list(body, 'targetGroups'),
    themes: list(body, 'themes'),
    sdgs: list(body, 'sdgs').map(Number),
    wsisActionLines: list(body, 'wsisActionLines'),
    countries: list(body, 'countries'),
    languages: list(body, 'languages'),
    hubIds: list(body, 'hubIds'),
    licence: str(body, 'licence') || undefined,
    costs: {
      setup: num(body, 'costs.setup'),
      running: num(body, 'costs.running'),
      currency: str(body, 'costs.currency').trim() || null,
      band: str(body, 'costs.band') || null,
    },
  };
}

/** What the form shows: a stored practice, or what was just submitted when it failed validation. */
export type PracticeFormValues = {
  originalLanguage: string;
  text: Omit<PracticeText, 'approach' | 'results'> & { approach: Record<string, string>[]; results: Record<string, string>[] };
  facts: ReturnType<typeof formToFacts>;
};

export function valuesFromBody(body: FormBody): PracticeFormValues {
  return { originalLanguage: str(body, 'originalLanguage'), text: formToText(body) as PracticeFormValues['text'], facts: formToFacts(body) };
}

export function valuesFromPractice(p: Practice | null, lang: string): PracticeFormValues {
  const empty = { title: '', summary: '', problem: '', context: '', approach: [], sustainabilityEconomic: '', sustainabilitySocial: '', sustainabilityCultural: '', results: [], lessons: '' };
  return {
    originalLanguage: p?.originalLanguage ?? lang,
    text: (p?.texts[lang] ?? empty) as PracticeFormValues['text'],
    facts: {
      technologies: p?.technologies ?? [], targetGroups: p?.targetGroups ?? [], themes: p?.themes ?? [], sdgs: p?.sdgs ?? [],
      wsisActionLines: p?.wsisActionLines ?? [], countries: p?.countries ?? [], languages: p?.languages ?? [], hubIds: p?.hubIds ?? [],
      licence: p?.licence ?? 'CC-BY-4.0',
      costs: { setup: p?.costs.setup ?? null, running: p?.costs.running ?? null, currency: p?.costs.currency ?? null, band: p?.costs.band ?? null },
    },
  };
}
