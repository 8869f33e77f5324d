/**
 * What one can subscribe to by SMS: an alert category, or a practice theme of the shared vocabulary, named in
 * any language people text in ("sécheresse", "ukame", "fari", "جفاف" → alert drought; "santé", "afya",
 * "lafiya" → theme health). Pure.
 */
import { ALERT_CATEGORIES, type AlertCategory } from '../subscribers/subscribers.js';
import { THEMES, type Theme } from '../taxonomy/vocabularies.js';
import { queryVariants } from '../vocabulary/normalise.js';
import { conceptLabel, matchConcepts, termsByLanguage, termsOf } from '../vocabulary/vocabulary.js';
import { MIN_FUZZY_LETTERS, SMS_LANGS, isOneEditAway, normalisedWords, type SmsLang } from './keywords.js';

export type TopicRef = { kind: 'alert'; code: AlertCategory } | { kind: 'theme'; code: Theme };

/** The label first, then the words people text. Swahili, Hausa and Arabic to be reviewed by native speakers. */
export const ALERT_NAMES: Readonly<Record<AlertCategory, Readonly<Record<SmsLang, readonly string[]>>>> = {
  drought: {
    en: ['Drought', 'dry spell'], fr: ['Sécheresse', 'secheresse'], es: ['Sequía', 'sequia'],
    sw: ['Ukame'], ha: ['Fari', 'rashin ruwan sama'], ar: ['الجفاف', 'جفاف'],
  },
  flood: {
    en: ['Floods', 'flood', 'flooding'], fr: ['Inondations', 'inondation', 'crue', 'crues'],
    es: ['Inundaciones', 'inundación', 'crecida'], sw: ['Mafuriko', 'furiko'], ha: ['Ambaliya', 'ambaliyar ruwa'],
    ar: ['الفيضانات', 'فيضان', 'فيضانات', 'سيول'],
  },
  locusts: {
    en: ['Locusts', 'locust', 'desert locust'], fr: ['Criquets', 'criquet', 'locustes', 'locuste', 'sauterelles'],
    es: ['Langostas', 'langosta'], sw: ['Nzige'], ha: ['Fara'], ar: ['الجراد', 'جراد'],
  },
  epidemic: {
    en: ['Epidemics', 'epidemic', 'outbreak', 'cholera', 'meningitis'],
    fr: ['Épidémies', 'épidémie', 'choléra', 'méningite'], es: ['Epidemias', 'epidemia', 'brote', 'cólera', 'meningitis'],
    sw: ['Milipuko ya magonjwa', 'mlipuko', 'kipindupindu'], ha: ['Annoba', 'kwalara', 'sankarau'],
    ar: ['الأوبئة', 'وباء', 'الكوليرا'],
  },
  market_prices: {
    en: ['Market prices', 'prices', 'price', 'market'], fr: ['Prix du marché', 'prix', 'marché', 'prix des marchés'],
    es: ['Precios del mercado', 'precios', 'precio', 'mercado'], sw: ['Bei za soko', 'bei', 'soko', 'bei ya soko'],
    ha: ['Farashin kasuwa', 'farashi', 'kasuwa'], ar: ['أسعار السوق', 'الأسعار', 'أسعار', 'السوق'],
  },
  other: {
    en: ['Other alerts', 'other'], fr: ['Autres alertes', 'autre', 'autres'], es: ['Otras alertas', 'otras', 'otros'],
    sw: ['Tahadhari nyingine', 'nyingine'], ha: ['Sauran fadakarwa', 'sauran'], ar: ['تنبيهات أخرى', 'أخرى'],
  },
};

/** Labels forgiven a slip: the SMS languages and Portuguese (Bengali and Hindi vowel signs make one edit too loose). */
const THEME_LABEL_LANGS = ['en', 'fr', 'es', 'pt', 'ar', 'ha', 'sw'] as const;

type Named = { readonly key: string; readonly topic: TopicRef };

const keyOf = (text: string): string => normalisedWords(text).join(' ');

/** Alert names by their normalised form, and the names forgiven a slip: those, theme codes and theme labels. */
function buildNames(): { alerts: Map<string, TopicRef>; fuzzy: Named[] } {
  const alerts = new Map<string, TopicRef>();
  const fuzzy: Named[] = [];
  for (const code of ALERT_CATEGORIES) {
    for (const names of Object.values(ALERT_NAMES[code])) {
      for (const name of names) alerts.set(keyOf(name), { kind: 'alert', code });
    }
  }
  for (const [key, topic] of alerts) fuzzy.push({ key, topic });
  for (const code of THEMES) {
    const labels = new Set([code.replaceAll('_', ' '), ...THEME_LABEL_LANGS.map((l) => conceptLabel('theme', code, l))]);
    for (const label of labels) fuzzy.push({ key: keyOf(label), topic: { kind: 'theme', code } });
  }
  return { alerts, fuzzy };
}

let names: ReturnType<typeof buildNames> | undefined;

/** Theme terms as typed, exactly: every label and synonym the vocabulary has (THEMES order breaks ties). */
let themeTerms: Map<string, Theme> | undefined;

function getThemeTerms(): Map<string, Theme> {
  if (!themeTerms) {
    themeTerms = new Map();
    for (const code of THEMES) {
      for (const term of [code, code.replaceAll('_', ' '), ...termsOf('theme', code)]) {
        const key = keyOf(term);
        if (key && !themeTerms.has(key)) themeTerms.set(key, code);
      }
    }
  }
  return themeTerms;
}

let topicWords: Set<string> | undefined;

/**
 * True for a (normalised) word of an alert name or theme term in any language: Hausa "fari" (drought),
 * "damina" (rainy season), "bala'i" (disaster). Such a word starting a text is a topic, not a slip of KARI,
 * DAINA (stop) or BAJA (stop).
 */
export function isTopicWord(word: string): boolean {
  topicWords ??= new Set([
    ...Object.values(ALERT_NAMES).flatMap((byLang) => Object.values(byLang).flat().flatMap(normalisedWords)),
    ...[...getThemeTerms().keys()].flatMap((key) => key.split(' ')),
  ]);
  return topicWords.has(word);
}

function sameTopic(a: TopicRef, b: TopicRef): boolean {
  return a.kind === b.kind && a.code === b.code;
}

/**
 * The topic a text names as a whole ("prix du marché", not "prix du marché Maradi"), or null. Alert
 * categories come first, so "sécheresse" is the drought alert, not the climate theme that lists it too.
 * Order: an alert name (or an inflected form of a one-word one, "sokoni" → "soko"); a theme label or synonym
 * as written; one slip in an alert name or a theme label or code of four letters or more, when only one
 * topic is that close; then the vocabulary's own matcher, which reads inflections and forgives slips in long
 * synonyms. Case, accents, Arabic letter forms and Hausa hooks never matter.
 */
export function resolveTopic(text: string): TopicRef | null {
  const key = keyOf(text);
  if (!key) return null;
  names ??= buildNames();
  // A one-word name may carry an inflection the list lacks ("sokoni", at the market: "soko").
  for (const variant of key.includes(' ') ? [key] : queryVariants(key)) {
    const alert = names.alerts.get(variant);
    if (alert) return alert;
  }
  const theme = getThemeTerms().get(key);
  if (theme) return { kind: 'theme', code: theme };
  const near: TopicRef[] = [];
  if ([...key].length >= MIN_FUZZY_LETTERS) {
    for (const n of names.fuzzy) {
      if ([...n.key].length >= MIN_FUZZY_LETTERS && isOneEditAway(key, n.key) && !near.some((t) => sameTopic(t, n.topic))) {
        near.push(n.topic);
      }
    }
  }
  if (near.length === 1) return near[0]!;
  if (near.length > 1) return null;
  const whole = text.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, '');
  const themes = matchConcepts(whole).filter((m) => m.facet === 'theme' && m.matched === whole);
  return themes.length === 1 ? { kind: 'theme', code: themes[0]!.value as Theme } : null;
}

/** The name of a topic in a language, for replies; English when the language has none. */
export function topicName(topic: TopicRef, lang: string): string {
  if (topic.kind === 'theme') return conceptLabel('theme', topic.code, lang);
  const byLang = ALERT_NAMES[topic.code] as Readonly<Record<string, readonly string[]>>;
  return (byLang[lang.split(/[-_]/)[0]!.toLowerCase()] ?? byLang.en!)[0]!;
}

/** For each SMS language, the normalised names of every topic in it: alert names and theme terms. */
let namesByLang: Map<SmsLang, Set<string>> | undefined;

function getNamesByLang(): Map<SmsLang, Set<string>> {
  if (!namesByLang) {
    namesByLang = new Map(SMS_LANGS.map((lang) => [lang, new Set<string>()]));
    for (const code of ALERT_CATEGORIES) for (const lang of SMS_LANGS) for (const name of ALERT_NAMES[code][lang]) namesByLang.get(lang)!.add(keyOf(name));
    for (const code of THEMES) {
      const byLang = termsByLanguage('theme', code);
      for (const lang of SMS_LANGS) for (const term of byLang[lang] ?? []) namesByLang.get(lang)!.add(keyOf(term));
    }
  }
  return namesByLang;
}

/**
 * The one SMS language whose words name this topic as written ("sante" → fr, "afya" → sw), or null when none or
 * several do ("radio"). Tells the language of someone who wrote an English keyword before a topic in theirs.
 */
export function languageOfTopic(text: string): SmsLang | null {
  const key = keyOf(text);
  if (!key) return null;
  const langs = [...getNamesByLang()].filter(([, names]) => names.has(key)).map(([lang]) => lang);
  return langs.length === 1 ? langs[0]! : null;
}
