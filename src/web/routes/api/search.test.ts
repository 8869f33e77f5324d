import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { frenchAndHausaPractices, queryString } from '../../../../test/search-fixtures.js';
import { searchJsonSchema } from './search.js';

const t = useTestContext();

const get = (path: string, lang = 'en') => t.app.request(path, { headers: { 'accept-language': lang } });
const twoPractices = () => frenchAndHausaPractices(t.ctx);
const params = queryString;

describe('GET /api/v1/search', () => {
  it('answers matches with snippets, reasons and facets, in the documented shape', async () => {
    const { fr } = await twoPractices();
    const res = await get(`/api/v1/search?${params({ q: 'vaccinations paludisme' })}`, 'fr');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const body = searchJsonSchema.parse(await res.json());
    expect(body.items.map((i) => i.practice.id)).toEqual([fr.id]);
    expect(body.items[0]!.title).toBe('Campagne de <mark>vaccination</mark> &lt;b&gt;des&lt;/b&gt; enfants');
    expect(body.items[0]!.reasons).toContainEqual(expect.objectContaining({ facet: 'theme', value: 'health' }));
    expect(body.facets.theme).toEqual([{ value: 'health', count: 1 }]);
  });

  it('answers bad input with 200 and results or an empty page, never an error', async () => {
    await twoPractices();
    const cases: Record<string, string>[] = [
      { q: '' }, { q: 'x'.repeat(10_000) }, { q: '!!!???' }, { q: "'; drop table practices; --" }, { q: 'vaccination مكافحة' },
      { q: 'الملاريا' }, { q: 'manoma', theme: 'astrology', page: 'two' }, { q: 'manoma', page: '500' },
    ];
    for (const q of cases) {
      const res = await get(`/api/v1/search?${params(q)}`);
      expect(res.status, JSON.stringify(q).slice(0, 80)).toBe(200);
      searchJsonSchema.parse(await res.json());
    }
    const ignored = searchJsonSchema.parse(await (await get(`/api/v1/search?${params({ q: 'manoma', theme: 'astrology' })}`)).json());
    expect(ignored.ignored).toEqual(['theme']);
    expect(ignored.total).toBe(1);
    const late = searchJsonSchema.parse(await (await get(`/api/v1/search?${params({ q: 'manoma', page: '500' })}`)).json());
    expect(late).toMatchObject({ items: [], total: 1, page: 500 });
  });
});
