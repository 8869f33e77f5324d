import { FORMAT_NAME, FORMAT_VERSION, type OpenDataFile } from '../../src/domain/opendata/format.js';
import { COMMUNITY_TYPES, ELECTRICITY_LEVELS, HUB_KINDS, INTERNET_LEVELS, MOBILE_LEVELS, TARGET_GROUPS, TECHNOLOGIES, THEMES } from '../../src/domain/taxonomy/index.js';
import { createRandom } from '../../src/lib/random.js';
import { PHRASES } from './phrases.js';

type Hub = OpenDataFile['hubs'][number];
type Practice = OpenDataFile['practices'][number];

/** The seeded generator of the product (lib/random.ts) with the draws the generators need. */
export function seededRandom(seed: number) {
  const next = createRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const some = <T>(xs: readonly T[], min: number, max: number): T[] => [...new Set(Array.from({ length: min + int(max - min + 1) }, () => pick(xs)))];
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(16).toString(16));
    hex[12] = '4';
    hex[16] = (8 + int(4)).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  return { next, int, pick, some, uuid };
}

type Rng = ReturnType<typeof seededRandom>;

/** Content language → countries where it is used, weighted by how often it is drawn. */
const LANGS: { lang: string; weight: number; countries: string[]; local: string[] }[] = [
  { lang: 'fr', weight: 30, countries: ['NE', 'NE', 'ML', 'BF', 'SN', 'HT'], local: ['ha', 'bm', 'wo', 'ff'] },
  { lang: 'en', weight: 30, countries: ['KE', 'UG', 'BD', 'IN', 'NP', 'PH', 'GH', 'NE'], local: ['bn', 'hi', 'ne', 'lg'] },
  { lang: 'es', weight: 15, countries: ['PE', 'BO', 'GT'], local: ['qu', 'ay'] },
  { lang: 'pt', weight: 10, countries: ['BR', 'MZ'], local: ['vmw', 'seh'] },
  { lang: 'ar', weight: 8, countries: ['MA', 'EG', 'JO'], local: ['zgh', 'tzm'] },
  { lang: 'sw', weight: 7, countries: ['TZ', 'KE'], local: ['sw', 'luo'] },
];
const TOWNS: Record<string, string> = {
  NE: 'Tillabéri', ML: 'Ségou', BF: 'Kaya', SN: 'Thiès', HT: 'Jacmel', KE: 'Kisumu', UG: 'Gulu', BD: 'Sylhet', IN: 'Bhadrak', NP: 'Pokhara',
  PH: 'Iloilo', GH: 'Tamale', PE: 'Cusco', BO: 'Potosí', GT: 'Quetzaltenango', BR: 'Recife', MZ: 'Nampula', MA: 'Errachidia', EG: 'Assiut', JO: 'Mafraq', TZ: 'Dodoma',
};

function drawLang(rng: Rng) {
  let r = rng.int(100);
  for (const l of LANGS) if ((r -= l.weight) < 0) return l;
  return LANGS[0]!;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sentences = (rng: Rng, lang: string, n: number) => {
  const all = PHRASES[lang]!.sentences;
  const start = rng.int(all.length);
  return Array.from({ length: n }, (_, k) => all[(start + k * 3) % all.length]).join(' ');
};

function practiceText(rng: Rng, lang: string) {
  const p = PHRASES[lang]!;
  const topic = rng.pick(p.topics);
  const method = rng.pick(p.methods);
  return {
    title: `${cap(topic)} ${method}`,
    summary: `${cap(topic)} ${method}. ${sentences(rng, lang, 1)}`,
    problem: sentences(rng, lang, 2),
    context: sentences(rng, lang, 1),
    approach: Array.from({ length: 1 + rng.int(2) }, () => ({ title: cap(rng.pick(p.methods)), description: sentences(rng, lang, 1 + rng.int(2)), enablingFactors: rng.next() < 0.5 ? sentences(rng, lang, 1) : '' })),
    sustainabilityEconomic: sentences(rng, lang, 1),
    sustainabilitySocial: rng.next() < 0.5 ? sentences(rng, lang, 1) : '',
    sustainabilityCultural: '',
    results: rng.some(p.results, 1, 2).map(([indicator, value]) => ({ indicator, value, source: 'Registre / register' })),
    lessons: sentences(rng, lang, 1 + rng.int(2)),
  };
}

function makeHub(rng: Rng): Hub {
  const l = drawLang(rng);
  const country = rng.pick(l.countries);
  const [kindName, description] = PHRASES[l.lang]!.hub;
  return {
    id: rng.uuid(), kind: rng.pick(HUB_KINDS), communityType: rng.pick(COMMUNITY_TYPES), country, adminArea: TOWNS[country] ?? '',
    languages: [...new Set([l.lang, rng.pick(l.local)])], internet: rng.pick(INTERNET_LEVELS), mobile: rng.pick(MOBILE_LEVELS), hasSms: rng.next() < 0.7,
    radioName: '', radioFrequency: '', electricity: rng.pick(ELECTRICITY_LEVELS), population: 1000 + rng.int(50_000), themes: rng.some(THEMES, 1, 3),
    originalLanguage: l.lang, texts: { [l.lang]: { name: `${kindName} ${TOWNS[country] ?? country} ${rng.int(1000)}`, description } },
  };
}

function makePractice(rng: Rng, hubs: Hub[], i: number): Practice {
  const l = drawLang(rng);
  const texts: Record<string, ReturnType<typeof practiceText>> = { [l.lang]: practiceText(rng, l.lang) };
  // ~3% carry a second-language text; the first one always does, so the measured practice page shows a switcher.
  if (i === 0 || rng.next() < 0.03) {
    const second = l.lang === 'en' ? 'fr' : 'en';
    texts[second] = practiceText(rng, second);
  }
  const sameLanguage = hubs.filter((h) => h.originalLanguage === l.lang);
  // Squaring skews the draw towards the first hubs, so some hubs host many practices (as in real networks).
  const hub = sameLanguage[Math.floor(rng.next() ** 2 * sameLanguage.length)];
  return {
    id: rng.uuid(), status: 'published', originalLanguage: l.lang, texts,
    technologies: rng.some(TECHNOLOGIES, 1, 3), targetGroups: rng.some(TARGET_GROUPS, 0, 3), themes: rng.some(THEMES, 1, 3),
    sdgs: rng.some([1, 2, 3, 4, 5, 6, 13], 0, 2), wsisActionLines: rng.some(['C3', 'C4', 'C7'], 0, 2), countries: rng.some(l.countries, 1, 2),
    languages: [...new Set([l.lang, rng.pick(l.local)])], hubIds: hub && (i === 0 || rng.next() < 0.6) ? [hub.id as string] : [],
    publishedAt: new Date(Date.UTC(2023, 0, 1) + rng.int(3 * 365) * 86_400_000).toISOString(),
  };
}

/** A deterministic open-data file: the same seed gives byte-identical records. */
export function generateOpenData(opts: { seed: number; hubs: number; practices: number }): OpenDataFile {
  const rng = seededRandom(opts.seed);
  const hubs = Array.from({ length: opts.hubs }, () => makeHub(rng));
  const practices = Array.from({ length: opts.practices }, (_, i) => makePractice(rng, hubs, i));
  return { format: FORMAT_NAME, version: FORMAT_VERSION, exportedAt: '2026-01-01T00:00:00Z', hubs, practices };
}
