import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeHub, makePractice, makeUser, practiceData, practiceText } from '../../../test/factories.js';
import { DomainError } from '../errors.js';
import {
  createPractice, getPractice, listPractices, moderationQueue, practiceHistory, reviewPractice, saveTranslation, updatePractice,
} from './practices.service.js';

const t = useTestContext();

async function rejection(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('practices', () => {
  it('takes a practice from draft to published with review comments and history', async () => {
    const hub = await makeHub(t.ctx);
    const { actor: author } = await makeUser(t.ctx, 'coordinator', [hub.id]);
    const { actor: curator } = await makeUser(t.ctx, 'curator');
    const p = await createPractice(t.ctx, author, practiceData({ hubIds: [hub.id] }));
    expect(p.status).toBe('draft');
    expect((await rejection(getPractice(t.ctx, null, p.id))).code).toBe('not_found');

    await reviewPractice(t.ctx, author, p.id, { action: 'submit' });
    expect((await moderationQueue(t.ctx, curator, {})).items.map((x) => x.id)).toEqual([p.id]);
    expect((await rejection(reviewPractice(t.ctx, author, p.id, { action: 'publish' }))).code).toBe('forbidden');
    expect((await rejection(reviewPractice(t.ctx, curator, p.id, { action: 'return' }))).fields.comment).toBe('validation.comment_required');

    await reviewPractice(t.ctx, curator, p.id, { action: 'return', comment: 'Please add the cost.' });
    await reviewPractice(t.ctx, author, p.id, { action: 'submit' });
    const published = await reviewPractice(t.ctx, curator, p.id, { action: 'publish' });
    expect(published.status).toBe('published');
    expect(published.publishedAt).toEqual(t.clock.now());
    expect((await getPractice(t.ctx, null, p.id)).id).toBe(p.id);

    const h = await practiceHistory(t.ctx, null, p.id);
    expect(h.reviews.map((r) => r.action)).toEqual(['submit', 'return', 'submit', 'publish']);
    expect(h.reviews[1]!.comment).toBe('Please add the cost.');
  });

  it('lets only coordinators of the authoring hub, curators and admins edit', async () => {
    const hub = await makeHub(t.ctx);
    const other = await makeHub(t.ctx);
    const { actor: author } = await makeUser(t.ctx, 'coordinator', [hub.id]);
    const { actor: stranger } = await makeUser(t.ctx, 'coordinator', [other.id]);
    const { actor: curator } = await makeUser(t.ctx, 'curator');
    const { actor: delegate } = await makeUser(t.ctx, 'delegate');
    const p = await createPractice(t.ctx, author, practiceData({ hubIds: [hub.id] }));
    const { originalLanguage: _o, text, ...facts } = practiceData({ hubIds: [hub.id], themes: ['health'] });
    const edit = { expectedVersion: 1, lang: 'fr', facts, text };
    expect((await rejection(updatePractice(t.ctx, stranger, p.id, edit))).code).toBe('not_found'); // a draft is invisible to them
    await reviewPractice(t.ctx, author, p.id, { action: 'submit' });
    await reviewPractice(t.ctx, curator, p.id, { action: 'publish' });
    expect((await rejection(updatePractice(t.ctx, stranger, p.id, edit))).code).toBe('forbidden');
    expect((await rejection(updatePractice(t.ctx, delegate, p.id, edit))).code).toBe('forbidden');
    expect((await rejection(updatePractice(t.ctx, null, p.id, edit))).code).toBe('forbidden');
    const saved = await updatePractice(t.ctx, curator, p.id, edit);
    expect(saved.themes).toEqual(['health']);
    expect(saved.version).toBe(2);
  });

  it('refuses a stale edit instead of overwriting someone else’s', async () => {
    const hub = await makeHub(t.ctx);
    const { actor } = await makeUser(t.ctx, 'coordinator', [hub.id]);
    const p = await createPractice(t.ctx, actor, practiceData({ hubIds: [hub.id] }));
    const { originalLanguage: _o, text, ...facts } = practiceData({ hubIds: [hub.id] });
    await updatePractice(t.ctx, actor, p.id, { expectedVersion: 1, lang: 'fr', facts, text: { ...text, title: 'First edit' } });
    const err = await rejection(updatePractice(t.ctx, actor, p.id, { expectedVersion: 1, lang: 'fr', facts, text: { ...text, title: 'Second edit' } }));
    expect(err.code).toBe('conflict');
    expect((await getPractice(t.ctx, actor, p.id)).texts.fr!.title).toBe('First edit');
  });

  it('records translations with who changed what', async () => {
    const hub = await makeHub(t.ctx);
    const { actor } = await makeUser(t.ctx, 'coordinator', [hub.id]);
    const p = await createPractice(t.ctx, actor, practiceData({ hubIds: [hub.id] }));
    await saveTranslation(t.ctx, actor, p.id, 'HA', practiceText({ title: 'Gargadin fari', summary: 'Makiyaya suna samun gargadi.' }));
    const got = await getPractice(t.ctx, actor, p.id);
    expect(Object.keys(got.texts).sort()).toEqual(['fr', 'ha']);
    const { versions } = await practiceHistory(t.ctx, actor, p.id);
    expect(versions[0]!.version).toBe(2);
    expect(versions[0]!.changes.filter((c) => c.lang === 'ha').map((c) => c.field)).toContain('title');
    expect(versions[0]!.userName).toBe(actor.displayName);
    expect((await rejection(saveTranslation(t.ctx, actor, p.id, 'klingon', practiceText()))).fields._).toBe('validation.language');
  });

  it('rejects bad input with field keys and writes nothing', async () => {
    const hub = await makeHub(t.ctx);
    const { actor } = await makeUser(t.ctx, 'coordinator', [hub.id]);
    const bad = practiceData({
      hubIds: [hub.id], countries: ['ZZ'], themes: ['witchcraft'], languages: ['xx'], sdgs: [18],
      text: practiceText({ title: '', summary: 'x'.repeat(301) }),
    });
    const err = await rejection(createPractice(t.ctx, actor, bad));
    expect(err.code).toBe('invalid');
    expect(err.fields).toMatchObject({
      'countries.0': 'validation.country', 'themes.0': 'validation.invalid_choice', 'languages.0': 'validation.language',
      'sdgs.0': 'validation.sdg', 'text.title': 'validation.required', 'text.summary': 'validation.too_long:300',
    });
    expect((await listPractices(t.ctx, actor, { mine: '1' })).total).toBe(0);
  });

  it('keeps markup as plain text', async () => {
    const hub = await makeHub(t.ctx);
    const { actor } = await makeUser(t.ctx, 'coordinator', [hub.id]);
    const title = '<script>alert(1)</script> Radio';
    const p = await createPractice(t.ctx, actor, practiceData({ hubIds: [hub.id], text: practiceText({ title }) }));
    expect(p.texts.fr!.title).toBe(title);
  });

  it('filters the public list by theme, country, language, technology and title, accent-insensitively', async () => {
    await makePractice(t.ctx, { themes: ['health'], countries: ['KE'], technologies: ['basic_phone'], originalLanguage: 'sw', text: practiceText({ title: 'Ujumbe wa afya kwa simu' }) });
    await makePractice(t.ctx, { themes: ['agriculture'], countries: ['NE'], technologies: ['radio'], text: practiceText({ title: 'Prévision des récoltes' }) });
    await makePractice(t.ctx, {}, 'draft');
    const titles = async (q: Record<string, string>) => (await listPractices(t.ctx, null, q)).items.map((p) => Object.values(p.texts)[0]!.title);
    expect((await listPractices(t.ctx, null, {})).total).toBe(2);
    expect(await titles({ theme: 'health' })).toEqual(['Ujumbe wa afya kwa simu']);
    expect(await titles({ country: 'ne' })).toEqual(['Prévision des récoltes']);
    expect(await titles({ language: 'sw' })).toEqual(['Ujumbe wa afya kwa simu']);
    expect(await titles({ technology: 'basic_phone' })).toEqual(['Ujumbe wa afya kwa simu']);
    expect(await titles({ q: 'PREVISION' })).toEqual(['Prévision des récoltes']);
    expect((await rejection(listPractices(t.ctx, null, { theme: 'nope' }))).fields.theme).toBe('validation.invalid_choice');
    expect((await rejection(listPractices(t.ctx, null, { status: 'draft' }))).code).toBe('forbidden');
  });

  it('paginates in a stable order', async () => {
    for (let i = 0; i < 5; i++) await makePractice(t.ctx);
    const pages = await Promise.all([1, 2, 3].map((page) => listPractices(t.ctx, null, { page: String(page), perPage: '2' })));
    const ids = pages.flatMap((p) => p.items.map((x) => x.id));
    expect(new Set(ids).size).toBe(5);
    expect(pages[0]!.total).toBe(5);
  });
});
