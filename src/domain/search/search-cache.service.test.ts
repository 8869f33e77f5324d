import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makePractice, makeUser, practiceData, practiceText } from '../../../test/factories.js';
import { createPractice, reviewPractice, saveTranslation, updatePractice } from '../practices/practices.service.js';
import { createSearchCache } from './search-cache.js';
import { rankPractices, searchPractices } from './search.service.js';
import { searchGeneration } from './search.repo.js';

const t = useTestContext();

// A small depth so that pages past the kept hits, and entries that hold every match, both occur.
const withCache = (depth = 6) => ({ ...t.ctx, searchCache: createSearchCache({ depth, minComputeMs: 0 }) });
const withoutCache = () => ({ ...t.ctx, searchCache: null });

const text = (title: string, summary: string) => practiceText({ title, summary, problem: '', context: '', lessons: '', approach: [], results: [] });

async function somePractices() {
  const made = [
    ['fr', 'Radio communautaire contre le paludisme', ['health'], ['NE']],
    ['fr', 'Alertes criquets par radio', ['agriculture'], ['ML']],
    ['en', 'Solar radio for farmers', ['agriculture', 'climate'], ['NE', 'BD']],
    ['en', 'Bed nets and radio spots', ['health'], ['KE']],
    ['es', 'Radio comunitaria y agua potable', ['water'], ['BO']],
    ['en', 'Malaria text messages', ['health'], ['NE']],
    ['fr', 'Radio des semences', ['agriculture'], ['SN']],
    ['en', 'Community radio training', ['education'], ['NE']],
    ['fr', 'Eau potable au village', ['water'], ['NE']],
  ] as const;
  for (const [lang, title, themes, countries] of made) {
    await makePractice(t.ctx, { originalLanguage: lang, text: text(title, `${title}. Une radio, des villages.`), themes: [...themes], countries: [...countries] });
  }
}

const QUERIES: [Record<string, unknown>, string][] = [
  [{ q: 'radio' }, 'en'],
  [{ q: 'radio', perPage: 2 }, 'en'],
  [{ q: 'radio', perPage: 2, page: 2 }, 'en'],
  [{ q: 'radio', perPage: 2, page: 4 }, 'en'], // past the 6 kept hits: from the database
  [{ q: 'radio', perPage: 4, page: 2 }, 'en'], // half inside, half past them
  [{ q: 'radio', perPage: 2, page: 9 }, 'en'], // past the end
  [{ q: 'paludisme' }, 'fr'],
  [{ q: 'paludisme', perPage: 1, page: 2 }, 'fr'],
  [{ q: 'radio', theme: 'agriculture' }, 'fr'],
  [{ q: 'radio', country: 'NE', perPage: 1, page: 2 }, 'en'],
  [{ q: 'eau potable' }, 'fr'],
  [{}, 'en'],
  [{ perPage: 3, page: 3 }, 'en'],
  [{ q: 'tsunami' }, 'en'],
];

describe('search with a result cache', () => {
  it('answers exactly what an uncached search answers, first and from memory', async () => {
    await somePractices();
    const cached = withCache();
    for (const round of ['cold', 'warm']) {
      for (const [query, lang] of QUERIES) {
        const label = `${round} ${JSON.stringify(query)}`;
        expect(JSON.stringify(await searchPractices(cached, null, query, lang)), label).toBe(JSON.stringify(await searchPractices(withoutCache(), null, query, lang)));
        expect(await rankPractices(cached, query, lang), label).toEqual(await rankPractices(withoutCache(), query, lang));
      }
    }
    expect(cached.searchCache.stats().hits).toBeGreaterThan(QUERIES.length);
  });

  it('sees a published, edited, translated or withdrawn practice on the next search', async () => {
    const ctx = withCache(500);
    const { actor: curator } = await makeUser(t.ctx, 'curator');
    const titles = async (q: string) => (await searchPractices(ctx, null, { q }, 'en')).items.map((i) => i.practice.texts.en?.title ?? i.practice.texts.fr?.title);
    const p = await createPractice(t.ctx, curator, practiceData({ originalLanguage: 'en', text: text('Solar dryers', 'Drying mangoes.') }));
    expect(await titles('solar')).toEqual([]);
    expect(await titles('solar')).toEqual([]); // from memory
    await reviewPractice(t.ctx, curator, p.id, { action: 'submit' });
    await reviewPractice(t.ctx, curator, p.id, { action: 'publish' });
    expect(await titles('solar')).toEqual(['Solar dryers']);

    const { originalLanguage: _o, text: _t, ...facts } = practiceData();
    await updatePractice(t.ctx, curator, p.id, { expectedVersion: 1, lang: 'en', facts, text: text('Solar pumps', 'Water for fields.') });
    expect(await titles('solar')).toEqual(['Solar pumps']);
    expect(await titles('dryers')).toEqual([]);

    const matchedLangs = async () => (await searchPractices(ctx, null, { q: 'pompes' }, 'fr')).items.map((i) => i.lang);
    expect(await matchedLangs()).not.toEqual(['fr']);
    await saveTranslation(t.ctx, curator, p.id, 'fr', text('Pompes solaires', 'De l’eau pour les champs.'));
    expect(await matchedLangs()).toEqual(['fr']);

    await reviewPractice(t.ctx, curator, p.id, { action: 'archive', comment: 'Replaced.' });
    expect(await titles('solar')).toEqual([]);
  });

  it('sees writes made around the service, as an import or another process would', async () => {
    const ctx = withCache(500);
    const p = await makePractice(t.ctx, { originalLanguage: 'en', text: text('Seed fairs', 'Farmers swap seeds.') });
    expect((await searchPractices(ctx, null, { q: 'seed' }, 'en')).total).toBe(1);
    await t.ctx.db.execute(sql`update practice_texts set title = 'Grain fairs', summary = 'Farmers swap grain.' where practice_id = ${p.id}`);
    expect((await searchPractices(ctx, null, { q: 'seed' }, 'en')).total).toBe(0);
    await t.ctx.db.execute(sql`update practices set themes = '{health}' where id = ${p.id}`);
    expect((await searchPractices(ctx, null, { theme: 'health' }, 'en')).total).toBe(1);
    await t.ctx.db.execute(sql`delete from practices where id = ${p.id}`);
    expect((await searchPractices(ctx, null, { theme: 'health' }, 'en')).total).toBe(0);
  });

  it('gives no generation to cache under while a write to the practices is not committed', async () => {
    const before = await searchGeneration(t.ctx.db);
    expect(before).not.toBeNull();
    await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`update practices set status = status where false`);
      expect(await searchGeneration(tx)).toBeNull();
      // From another connection: PGlite has only one, on which a search waits for the transaction to end.
      if (t.ctx.database.engine === 'postgres') expect(await searchGeneration(t.ctx.db)).toBeNull();
    });
    expect(await searchGeneration(t.ctx.db)).toBeGreaterThan(before!);
  });
});
