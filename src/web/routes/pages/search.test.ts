import { describe, expect, it } from 'vitest';
import { makePractice, practiceText } from '../../../../test/factories.js';
import { useTestContext } from '../../../../test/context.js';
import { frenchAndHausaPractices, queryString } from '../../../../test/search-fixtures.js';

const t = useTestContext();

const get = (path: string, lang = 'en') => t.app.request(path, { headers: { 'accept-language': lang } });
const twoPractices = () => frenchAndHausaPractices(t.ctx);
const params = queryString;

describe('GET /search (page)', () => {
  it('shows highlighted results in their own language and direction, with counts in the filters', async () => {
    const { fr } = await twoPractices();
    const ar = await makePractice(t.ctx, { originalLanguage: 'ar', themes: ['health'], text: practiceText({ title: 'مكافحة الملاريا في القرى' }) });
    const html = await (await get(`/search?${params({ q: 'الملاريا' })}`, 'fr')).text();
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain(`<h2 lang="ar" dir="rtl"><a href="/practices/${ar.id}?lang=ar">مكافحة <mark>الملاريا</mark> في القرى</a></h2>`);
    expect(html).toMatch(/<option value="health">Santé \(\d\)<\/option>/);
    // The French practice is tagged health, which "malaria" names: found too, and said why, below the Arabic one.
    expect(html).toContain('2 pratiques trouvées');
    expect(html.indexOf(ar.id)).toBeLessThan(html.indexOf(fr.id));
    expect(html).toContain('Pourquoi ce résultat : il porte sur Santé, que votre recherche mentionne.');
    expect(html).toContain(`<a href="/hubs?q=%D8%A7%D9%84%D9%85%D9%84%D8%A7%D8%B1%D9%8A%D8%A7">Les centres dont le nom ou la description contient ces mots</a>`);
  });

  it('escapes content and query, and explains an empty query, no match and unknown filters', async () => {
    await twoPractices();
    const escaped = await (await get(`/search?${params({ q: 'vaccination <img src=x>' })}`)).text();
    expect(escaped).not.toContain('<img');
    expect(escaped).not.toContain('<b>des</b>');
    expect(escaped).toContain('<mark>vaccination</mark>');
    expect(await (await get('/search')).text()).toContain('Type a few words, in any language, to search.');
    const none = await get(`/search?${params({ q: 'zzzqqq <b>' })}`, 'es');
    expect(none.status).toBe(200);
    expect(await none.text()).toContain('Nada coincide con «zzzqqq &lt;b&gt;»');
    const bad = await (await get(`/search?${params({ q: 'manoma', theme: 'astrology', page: '99' })}`)).text();
    expect(bad).toContain('were not recognised and were left out');
    expect(bad).toContain('Back to the first page of results');
  });

  it('is where the home page’s search box sends its words', async () => {
    const html = await (await get('/')).text();
    expect(html).toMatch(/<form method="get" action="\/search" role="search">/);
  });
});
