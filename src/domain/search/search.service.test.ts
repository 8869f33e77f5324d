import { describe, expect, it } from 'vitest';
import { makePractice, practiceText } from '../../../test/factories.js';
import { useTestContext } from '../../../test/context.js';
import { rankPractices, searchPractices } from './search.service.js';

const t = useTestContext();

/** Texts with nothing but what a test puts in them, so that no filler word matches by accident. */
const doc = (title: string, summary = 'x', lessons = '') => ({
  title, summary, problem: '', context: '', approach: [], results: [], lessons,
  sustainabilityEconomic: '', sustainabilitySocial: '', sustainabilityCultural: '',
});

const practiceIn = (lang: string, title: string, over: Record<string, unknown> = {}, status = 'published') =>
  makePractice(t.ctx, { originalLanguage: lang, text: doc(title), themes: ['agriculture'], targetGroups: [], technologies: ['print'], sdgs: [], wsisActionLines: [], ...over }, status);

const search = (query: Record<string, unknown>, locale = 'en') => searchPractices(t.ctx, null, query, locale);
const ids = async (query: Record<string, unknown>, locale = 'en') => (await search(query, locale)).items.map((i) => i.practice.id);

describe('searchPractices: languages', () => {
  it('stems French: "vaccinations" finds "vaccination", whatever the interface language', async () => {
    const fr = await practiceIn('fr', 'Campagne de vaccination des enfants');
    await practiceIn('fr', 'Semences améliorées');
    expect(await ids({ q: 'vaccinations' }, 'fr')).toEqual([fr.id]);
    const long = await search({ q: 'les vaccinations des enfants dans nos villages' }, 'en');
    expect(long.detectedLanguage).toBe('fr');
    expect(long.isLanguageDetected).toBe(true);
    expect(long.items.map((i) => i.practice.id)).toEqual([fr.id]);
  });

  it('stems English, and matches Arabic, Hausa and Swahili (simple configuration) words', async () => {
    const en = await practiceIn('en', 'Solar water pumps for farmers');
    const ar = await practiceIn('ar', 'مكافحة الملاريا في القرى');
    const ha = await practiceIn('ha', 'Rediyo don manoma a kauye');
    const sw = await practiceIn('sw', 'Maji safi kwa jamii');
    // "manoma" is Hausa for farmers: the vocabulary carries the English query to the Hausa practice, ranked below.
    expect(await ids({ q: 'farmer pump' })).toEqual([en.id, ha.id]);
    expect(await ids({ q: 'الملاريا' }, 'ar')).toEqual([ar.id]);
    expect(await ids({ q: 'manoma' })).toEqual([ha.id, en.id]);
    expect(await ids({ q: 'maji safi' })).toEqual([sw.id, en.id]); // maji: water
  });

  it('ignores accents both ways', async () => {
    const accented = await practiceIn('fr', 'Éducation des filles');
    const plain = await practiceIn('en', 'Education for girls');
    expect(new Set(await ids({ q: 'education' }))).toEqual(new Set([accented.id, plain.id]));
    expect(new Set(await ids({ q: 'éducation' }, 'fr'))).toEqual(new Set([accented.id, plain.id]));
  });

  it('tolerates typos in titles', async () => {
    const malaria = await practiceIn('fr', 'Lutte contre le paludisme');
    const vaccine = await practiceIn('fr', 'Campagne de vaccination');
    const seeds = await practiceIn('fr', 'Semences paysannes');
    // Both are about health, which the vocabulary may also recognise; the typed word's title comes first.
    expect((await ids({ q: 'paludism' }, 'fr'))[0]).toBe(malaria.id);
    expect((await ids({ q: 'vacination' }, 'fr'))[0]).toBe(vaccine.id);
    expect(await ids({ q: 'paludism' }, 'fr')).not.toContain(seeds.id);
  });

  it('finds a practice through its translation and excerpts the version that matched', async () => {
    const p = await practiceIn('fr', 'Campagne de vaccination', { texts: { en: doc('Vaccination campaign for children', 'Nurses visit every village.') } });
    const result = await search({ q: 'nurses visiting villages' }, 'fr');
    expect(result.items.map((i) => [i.practice.id, i.lang])).toEqual([[p.id, 'en']]);
    expect(result.items[0]!.snippet).toContain('<mark>Nurses</mark>');
  });

  it('finds practices tagged with a concept named in any language, and says why', async () => {
    const nets = await practiceIn('en', 'Bed nets for mothers', { themes: ['health'] });
    await practiceIn('en', 'Seed fairs', { themes: ['agriculture'] });
    for (const q of ['paludisme', 'malaria', 'zazzabin cizon sauro']) {
      const result = await search({ q }, 'fr');
      expect(result.items.map((i) => i.practice.id), q).toEqual([nets.id]);
      expect(result.items[0]!.reasons, q).toContainEqual(expect.objectContaining({ facet: 'theme', value: 'health' }));
    }
  });

  it('ranks a practice that names the words above one that is only tagged', async () => {
    const tagged = await practiceIn('en', 'Bed nets for mothers', { themes: ['health'] });
    const named = await practiceIn('fr', 'Lutte contre le paludisme', { themes: ['health'] });
    expect(await ids({ q: 'paludisme' }, 'fr')).toEqual([named.id, tagged.id]);
  });
});

describe('searchPractices: results', () => {
  it('counts facet values over all matches, not just the page, and applies filters', async () => {
    await practiceIn('en', 'Radio for farmers', { themes: ['agriculture'], countries: ['NE'], costs: { setup: null, running: null, currency: null, band: 'low' } });
    await practiceIn('en', 'Radio for herders', { themes: ['agriculture', 'climate'], countries: ['ML'] });
    const health = await practiceIn('en', 'Radio for nurses', { themes: ['health'], countries: ['NE'], sdgs: [3] });
    await practiceIn('en', 'Printed seed guides', { themes: ['agriculture'] });
    const all = await search({ q: 'radio', perPage: 1 });
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(1);
    expect(all.facets.theme).toEqual([{ value: 'agriculture', count: 2 }, { value: 'climate', count: 1 }, { value: 'health', count: 1 }]);
    expect(all.facets.country).toEqual([{ value: 'NE', count: 2 }, { value: 'ML', count: 1 }]);
    expect(all.facets.costBand).toEqual([{ value: 'low', count: 1 }]);
    expect(all.facets.language).toEqual([{ value: 'en', count: 3 }, { value: 'ha', count: 3 }]);
    const filtered = await search({ q: 'radio', theme: 'health', country: 'NE', sdg: '3' });
    expect(filtered.items.map((i) => i.practice.id)).toEqual([health.id]);
    expect(filtered.facets.theme).toEqual([{ value: 'health', count: 1 }]);
  });

  it('escapes markup in content and marks only the matched word', async () => {
    await practiceIn('en', '<script>alert(1)</script> Vaccination & <b>care</b>');
    const [hit] = (await search({ q: 'vaccination' })).items;
    expect(hit!.title).toBe('&lt;script&gt;alert(1)&lt;/script&gt; <mark>Vaccination</mark> &amp; &lt;b&gt;care&lt;/b&gt;');
    expect(hit!.title.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('pages in a stable order without overlaps, even when scores tie', async () => {
    const made = [];
    for (let i = 0; i < 7; i++) made.push((await practiceIn('en', 'Solar dryers')).id);
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(await ids({ q: 'solar', perPage: 3, page }));
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual([...made].sort());
    expect(await ids({ q: 'solar', perPage: 3, page: 2 })).toEqual(pages[1]);
  });

  it('never shows drafts, submitted or archived practices', async () => {
    const published = await practiceIn('en', 'Solar dryers');
    for (const status of ['draft', 'submitted', 'archived']) await practiceIn('en', 'Solar dryers', {}, status);
    const result = await search({ q: 'solar dryers' });
    expect(result.items.map((i) => i.practice.id)).toEqual([published.id]);
    expect(result.total).toBe(1);
    expect(await ids({})).toEqual([published.id]);
  });
});

describe('searchPractices: bad input', () => {
  it('lists everything for an empty or punctuation-only query', async () => {
    const p = await practiceIn('en', 'Solar dryers');
    for (const q of ['', '   ', '!!! ??? ...', '"" - or']) {
      const result = await search({ q });
      expect(result.items.map((i) => i.practice.id), q).toEqual([p.id]);
    }
  });

  it('cuts a huge query at 500 characters and still answers', async () => {
    const p = await practiceIn('en', 'Solar dryers');
    const result = await search({ q: `solar ${'a'.repeat(10_000)}` });
    expect(result.q).toHaveLength(500);
    expect(result.items.map((i) => i.practice.id)).toEqual([p.id]);
  });

  it('treats SQL-looking, mixed-script and right-to-left queries as words', async () => {
    const p = await practiceIn('en', 'Drop-in radio table for practices');
    const ar = await practiceIn('ar', 'إذاعة مجتمعية للمزارعين');
    expect(await ids({ q: "'; drop table practices; --" })).toEqual([p.id]);
    expect(await ids({ q: 'إذاعة radio' })).toEqual(expect.arrayContaining([p.id, ar.id]));
    // "community radio" in Arabic: the Arabic title first, the English one through the vocabulary.
    expect(await ids({ q: 'إذاعة مجتمعية' }, 'ar')).toEqual([ar.id, p.id]);
    expect(await ids({ q: '\u0000\u202Eradio\u202C' })).toEqual([p.id, ar.id]);
  });

  it('ignores unknown filter values and says which', async () => {
    const p = await practiceIn('en', 'Solar dryers');
    const result = await search({ q: 'solar', theme: 'astrology', sdg: '99', country: 'XX', language: 'klingon', perPage: 'many' });
    expect(result.ignored.sort()).toEqual(['country', 'language', 'perPage', 'sdg', 'theme']);
    expect(result.items.map((i) => i.practice.id)).toEqual([p.id]);
    expect(result.perPage).toBe(20);
  });

  it('answers a page past the end with no items and the real total', async () => {
    await practiceIn('en', 'Solar dryers');
    for (const page of [2, 99, 10 ** 12]) {
      const result = await search({ q: 'solar', page });
      expect(result.items, String(page)).toEqual([]);
      expect(result.total).toBe(1);
    }
    expect((await search({ q: 'solar', page: -3 })).page).toBe(1);
  });
});

describe('search with a plugged-in embedding model', () => {
  it('reorders a page by meaning, and falls back to full-text order when the model fails', async () => {
    await makePractice(t.ctx, { text: practiceText({ title: 'Radio pour les puits', summary: 'Des émissions sur les puits.' }) });
    await makePractice(t.ctx, { text: practiceText({ title: 'Radio des semences', summary: 'Une foire aux semences à la radio.' }) });
    const plain = await searchPractices(t.ctx, null, { q: 'radio' }, 'fr');
    expect(plain.isRankedByMeaning).toBe(false);
    // The model finds the practice that full text ranked last the closest in meaning.
    const last = plain.items.at(-1)!.practice.texts.fr!.title;
    const model = { name: 'fake', embed: async (texts: string[]) => [[1, 0], ...texts.slice(1).map((x) => (x.startsWith(last) ? [1, 0] : [0, 1]))] };
    const ranked = await searchPractices({ ...t.ctx, embeddings: model }, null, { q: 'radio' }, 'fr');
    expect(ranked.isRankedByMeaning).toBe(true);
    expect(ranked.items[0]!.practice.texts.fr!.title).toBe(last);
    const failing = { name: 'down', embed: async () => { throw new Error('model server down'); } };
    const fallback = await searchPractices({ ...t.ctx, embeddings: failing }, null, { q: 'radio' }, 'fr');
    expect(fallback.items.map((i) => i.practice.id)).toEqual(plain.items.map((i) => i.practice.id));
  });
});

describe('region facet', () => {
  it('counts a practice once per region and filters by region', async () => {
    await makePractice(t.ctx, { countries: ['NE', 'ML'] });
    await makePractice(t.ctx, { countries: ['BD'] });
    const all = await searchPractices(t.ctx, null, {}, 'en');
    expect(all.facets.region).toEqual(expect.arrayContaining([{ value: 'africa', count: 1 }, { value: 'asia_pacific', count: 1 }]));
    const asia = await searchPractices(t.ctx, null, { region: 'asia_pacific' }, 'en');
    expect(asia.items.map((i) => i.practice.countries)).toEqual([['BD']]);
    expect((await searchPractices(t.ctx, null, { region: 'atlantis' }, 'en')).ignored).toContain('region');
  });
});

describe('rankPractices', () => {
  it('ranks exactly as the search page does, page by page, without facets or snippets', async () => {
    for (const title of ['Solar pumps', 'Solar dryers for mangoes', 'Solar radio for farmers', 'Seed fairs']) await practiceIn('en', title);
    const query = { q: 'solar farmers', perPage: 2 };
    for (const page of [1, 2, 3]) {
      const ranked = await rankPractices(t.ctx, { ...query, page });
      expect(ranked.items.map((r) => r.id)).toEqual(await ids({ ...query, page }));
      expect(ranked.total).toBe(3);
    }
    expect((await rankPractices(t.ctx, { q: 'solar farmers' })).items[0]).toMatchObject({ lang: 'en' });
  });
});

