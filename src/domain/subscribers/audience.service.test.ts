import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeHub, makeUser } from '../../../test/factories.js';
import { insertBlock, insertSubscribers, makeSubscriber, nextPhone, useEmptySubscribers, type BulkSubscriber } from '../../../test/subscriber-factories.js';
import { saveHubTranslation } from '../hubs/hubs.service.js';
import { audienceSize, matchingSubscribers, resolvePlace } from './audience.service.js';
import { adminAreaKey } from './places.js';
import type { Area, Recipient, Topic } from './subscribers.js';

const t = useTestContext();
useEmptySubscribers(t);

type Audience = { topics: Topic[]; countries?: string[]; adminAreas?: string[]; hubIds?: string[]; languages?: string[] };

async function everyPage(audience: Audience, limit: number) {
  const seen: Recipient[] = [];
  let afterId: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page: Recipient[] = await matchingSubscribers(t.ctx, audience, { afterId, limit });
    seen.push(...page);
    if (page.length < limit) return seen;
    afterId = page.at(-1)!.id;
  }
  throw new Error('paging did not end');
}

describe('matching subscribers for an alert', () => {
  it('pages through ~500 subscribers in id order: every match once, no one else', { timeout: 60_000 }, async () => {
    const maradiHub = await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi' });
    const tillaberiHub = await makeHub(t.ctx, { country: 'NE', adminArea: 'Tillabéri' });
    const dhakaHub = await makeHub(t.ctx, { country: 'BD', adminArea: 'Dhaka' });
    const hubs = [maradiHub, tillaberiHub, dhakaHub].map((h) => ({ id: h.id, country: h.country, key: adminAreaKey(h.country, h.adminArea ?? '')! }));

    // The areas as nested sets of places: a country holds its admin areas and hubs, an admin area its hubs.
    type Located = Area & { country: string };
    const areas: Located[] = [
      { kind: 'country', code: 'NE', country: 'NE' }, { kind: 'country', code: 'BD', country: 'BD' }, { kind: 'country', code: 'KE', country: 'KE' },
      { kind: 'admin_area', code: 'NE:maradi', country: 'NE' }, { kind: 'admin_area', code: 'NE:tillaberi', country: 'NE' },
      { kind: 'admin_area', code: 'NE:zinder', country: 'NE' }, { kind: 'admin_area', code: 'BD:dhaka', country: 'BD' },
      ...hubs.map((h) => ({ kind: 'hub' as const, code: h.id, country: h.country })),
    ];
    const contains = (outer: Located, inner: Located) =>
      (outer.kind === inner.kind && outer.code === inner.code) ||
      (outer.kind === 'country' && inner.country === outer.code) ||
      (outer.kind === 'admin_area' && inner.kind === 'hub' && hubs.find((h) => h.id === inner.code)!.key === outer.code);
    const overlaps = (a: Located, b: Located) => contains(a, b) || contains(b, a);

    const topics: Topic[] = ['locusts', 'drought', 'flood', 'health'];
    const languages = ['fr', 'ha', 'en', 'bn', 'fr-NE'];
    let seed = 7; // mulberry32: the same people on every run
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return Math.floor((((x ^ (x >>> 14)) >>> 0) / 2 ** 32) * n);
    };
    const people: (BulkSubscriber & { blocked: boolean })[] = Array.from({ length: 520 }, (_, i) => {
      const subs = new Map<string, { topic: Topic; area: Area; areaCountry: string }>();
      for (let k = 0; k <= random(3); k++) {
        const area = areas[random(areas.length)]!;
        const topic = topics[random(topics.length)]!;
        subs.set(`${topic}|${area.kind}|${area.code}`, { topic, area: { kind: area.kind, code: area.code } as Area, areaCountry: area.country });
      }
      return { phone: nextPhone(), language: languages[i % languages.length]!, status: i % 9 === 0 ? 'opted_out' : 'active', subscriptions: [...subs.values()], blocked: i % 13 === 0 };
    });
    const ids = await insertSubscribers(t.ctx, people);
    for (const p of people.filter((x) => x.blocked)) await insertBlock(t.ctx, p.phone);

    const audiences: Audience[] = [
      { topics: ['locusts'], countries: ['NE'] },
      { topics: ['locusts', 'drought'], adminAreas: ['NE:maradi'] },
      { topics: ['health', 'flood'], hubIds: [dhakaHub.id] },
      { topics: ['drought'], adminAreas: ['NE:tillaberi', 'BD:dhaka'], hubIds: [maradiHub.id] },
      { topics: ['locusts', 'drought', 'flood', 'health'], countries: ['NE', 'BD', 'KE'], languages: ['fr'] },
    ];
    for (const audience of audiences) {
      const alerted: Located[] = [
        ...(audience.countries ?? []).map((c) => ({ kind: 'country' as const, code: c, country: c })),
        ...(audience.adminAreas ?? []).map((k) => ({ kind: 'admin_area' as const, code: k, country: k.slice(0, 2) })),
        ...(audience.hubIds ?? []).map((id) => ({ kind: 'hub' as const, code: id, country: hubs.find((h) => h.id === id)!.country })),
      ];
      const expected = people
        .map((p, i) => ({ ...p, id: ids[i]! }))
        .filter((p) => p.status === 'active' && !p.blocked)
        .filter((p) => !audience.languages || audience.languages.includes(p.language.split('-')[0]!))
        .filter((p) => p.subscriptions.some((s) => audience.topics.includes(s.topic) && alerted.some((a) => overlaps(a, { ...s.area, country: s.areaCountry }))))
        .map((p) => p.id)
        .sort();
      expect(expected.length, JSON.stringify(audience)).toBeGreaterThan(10);
      const got = await everyPage(audience, 37);
      const gotIds = got.map((r) => r.id);
      expect(new Set(gotIds).size, 'no duplicates').toBe(gotIds.length);
      expect(gotIds, 'in id order').toEqual([...gotIds].sort());
      expect(gotIds.sort()).toEqual(expected);
      expect(got[0]).toEqual({ id: got[0]!.id, phone: expect.stringMatching(/^\+2279\d{7}$/), language: expect.any(String) });
      // The form's estimate counts the same people, by language.
      const size = await audienceSize(t.ctx, audience);
      expect(size.total).toBe(expected.length);
      for (const { language, count } of size.byLanguage) expect(count, language).toBe(got.filter((r) => r.language === language).length);
    }
    expect(await everyPage({ topics: ['epidemic'], countries: ['NE'] }, 50)).toEqual([]);
  });

  it('reads an alert for a hub as its admin area and country too, and refuses bad audiences', async () => {
    const hub = await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi' });
    const { phone: inMaradi } = await makeSubscriber(t.ctx, { area: { kind: 'admin_area', code: 'NE:maradi' } });
    const { phone: inNiger } = await makeSubscriber(t.ctx, { area: { kind: 'country', code: 'NE' } });
    const { phone: inZinder } = await makeSubscriber(t.ctx, { area: { kind: 'admin_area', code: 'NE:zinder' } });
    const phones = async (a: Audience) => (await matchingSubscribers(t.ctx, a)).map((r) => r.phone).sort();
    expect(await phones({ topics: ['locusts'], hubIds: [hub.id] })).toEqual([inMaradi, inNiger].sort());
    expect(await phones({ topics: ['locusts'], adminAreas: ['NE:zinder'] })).toEqual([inNiger, inZinder].sort());
    await expect(matchingSubscribers(t.ctx, { topics: [], countries: ['NE'] })).rejects.toMatchObject({ fields: { topics: 'validation.required' } });
    await expect(matchingSubscribers(t.ctx, { topics: ['locusts'], adminAreas: ['Maradi'] })).rejects.toMatchObject({ fields: { 'adminAreas.0': 'validation.admin_area' } });
    await expect(matchingSubscribers(t.ctx, { topics: ['locusts'] }, { limit: 0 })).rejects.toMatchObject({ fields: { limit: 'validation.range' } });
  });
});

describe('resolvePlace', () => {
  it('reads countries by code or name in en/fr/es/ar before areas and hubs', async () => {
    await makeHub(t.ctx, { country: 'NG', adminArea: 'Niger' }); // Nigeria's Niger State
    for (const text of ['NE', 'ne', 'Niger', ' níger ', 'النيجر']) {
      expect(await resolvePlace(t.ctx, text), text).toEqual([{ kind: 'country', code: 'NE', country: 'NE', label: 'NE' }]);
    }
    expect(await resolvePlace(t.ctx, 'Bangladesh')).toMatchObject([{ kind: 'country', code: 'BD' }]);
  });

  it('finds admin areas of hubs whatever the case and accents, with their country', async () => {
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi' });
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Tillabéri' });
    await makeHub(t.ctx, { country: 'NE', adminArea: 'TILLABERI' });
    expect(await resolvePlace(t.ctx, 'Maradi')).toEqual([{ kind: 'admin_area', code: 'NE:maradi', country: 'NE', label: 'Maradi' }]);
    expect(await resolvePlace(t.ctx, 'maradí')).toMatchObject([{ code: 'NE:maradi' }]);
    expect(await resolvePlace(t.ctx, 'tillaberi')).toMatchObject([{ kind: 'admin_area', code: 'NE:tillaberi' }]);
    expect(await resolvePlace(t.ctx, 'Zinder')).toEqual([]);
    expect(await resolvePlace(t.ctx, '')).toEqual([]);
  });

  it('returns every reading of an ambiguous name, narrowed by a preferred country', async () => {
    await makeHub(t.ctx, { country: 'KE', adminArea: 'Central' });
    await makeHub(t.ctx, { country: 'GH', adminArea: 'Central' });
    expect((await resolvePlace(t.ctx, 'central')).map((p) => p.code)).toEqual(['GH:central', 'KE:central']);
    expect(await resolvePlace(t.ctx, 'central', { preferCountry: 'ke' })).toMatchObject([{ code: 'KE:central', country: 'KE' }]);
    expect((await resolvePlace(t.ctx, 'central', { preferCountry: 'NE' })).length).toBe(2);
  });

  it('finds hubs by their name in any language, ignoring case and accents', async () => {
    const hub = await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi', originalLanguage: 'fr', text: { name: 'Radio Gaskiyà de Dakoro', description: '' } });
    const { actor } = await makeUser(t.ctx, 'admin');
    await saveHubTranslation(t.ctx, actor, hub.id, 'ha', { name: "Gidan Rediyon Gaskiya", description: '' });
    const place = { kind: 'hub', code: hub.id, country: 'NE' };
    expect(await resolvePlace(t.ctx, 'radio gaskiya de dakoro')).toEqual([{ ...place, label: 'Radio Gaskiyà de Dakoro' }]);
    expect(await resolvePlace(t.ctx, 'GIDAN  REDIYON GASKIYA')).toEqual([{ ...place, label: 'Gidan Rediyon Gaskiya' }]);
    expect(await resolvePlace(t.ctx, 'Radio Gaskiya')).toEqual([]);
  });
});
