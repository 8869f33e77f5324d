import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeUser } from '../../../test/factories.js';
import { linkConsultation, makeDraftingSetup, makePlan, planInput } from '../../../test/plan-factories.js';
import { makeProcess } from '../../../test/process-factories.js';
import { changePhase } from '../process/process.service.js';
import { adoptDocument, draftDocument, getDocument, getSectionHistory } from './action-plan.service.js';
import { decideAmendment, proposeAmendment } from './amendments.service.js';
import { findActionItem, translateActionItem, translateDocument, translateSection } from './translations.service.js';

const t = useTestContext();

/** The first section amended in English: version 2 exists in English only, French stays at version 1. */
async function amendedPlan() {
  const plan = await makePlan(t.ctx);
  const a = await proposeAmendment(t.ctx, plan.owner.actor, plan.sections[0]!.id, { baseVersion: 1, lang: 'en', text: 'Every hub has a community radio. Alerts reach herders.' });
  await decideAmendment(t.ctx, plan.owner.actor, a.id, { decision: 'accept' });
  const curator = (await makeUser(t.ctx, 'curator')).actor;
  t.clock.advance(60_000);
  return { ...plan, curator };
}

describe('translating a section', () => {
  it('keeps an older translation out of the current texts, marked outdated; translating the current version brings it back', async () => {
    const { curator, sections, doc } = await amendedPlan();
    const before = (await getDocument(t.ctx, doc.id)).sections[0]!;
    expect(before).toMatchObject({ version: 2, texts: { en: 'Every hub has a community radio. Alerts reach herders.' }, outdated: { fr: { version: 1, text: 'Chaque centre a une radio. Les alertes atteignent les éleveurs.' } } });
    expect(Object.keys(before.texts)).toEqual(['en']);
    const after = await translateSection(t.ctx, curator, sections[0]!.id, { version: 2, lang: 'fr', text: 'Chaque centre a une radio communautaire. Les alertes atteignent les éleveurs.' });
    expect(after.sections[0]).toMatchObject({ version: 2, texts: { fr: 'Chaque centre a une radio communautaire. Les alertes atteignent les éleveurs.' }, outdated: {} });
    const history = (await getSectionHistory(t.ctx, sections[0]!.id)).versions;
    expect(history.map((v) => [v.version, v.lang, v.isTranslation, v.byName])).toEqual([
      [1, 'en', false, expect.any(String)], [1, 'fr', false, expect.any(String)], [2, 'en', false, expect.any(String)], [2, 'fr', true, curator.displayName],
    ]);
    expect(history.at(-1)!.at).toEqual(t.clock.now());
  });

  it('adds a language to version 1 as a translation, not as a new version', async () => {
    const { curator, sections } = await amendedPlan();
    const doc = await translateSection(t.ctx, curator, sections[1]!.id, { version: 1, lang: 'ar', text: 'تُنشر الميزانيات.' });
    expect(doc.sections[1]).toMatchObject({ version: 1, texts: { en: 'Budgets are published.', ar: 'تُنشر الميزانيات.' } });
    expect((await getSectionHistory(t.ctx, sections[1]!.id)).versions.map((v) => [v.lang, v.isTranslation])).toEqual([['en', false], ['ar', true]]);
  });

  it('refuses a stale version, a language the current version has, bad input and non-translators; writes nothing', async () => {
    const { curator, sections, owner } = await amendedPlan();
    const id = sections[0]!.id;
    await expect(translateSection(t.ctx, curator, id, { version: 1, lang: 'es', text: 'Cada centro tiene una radio.' })).rejects.toMatchObject({ code: 'conflict', message: 'plan.translation_stale' });
    await expect(translateSection(t.ctx, curator, id, { version: 2, lang: 'en', text: 'Again in English.' })).rejects.toMatchObject({ code: 'conflict', message: 'plan.translation_exists' });
    await expect(translateSection(t.ctx, curator, id, { version: 2, lang: 'not a tag!', text: '' })).rejects.toMatchObject({ code: 'invalid', fields: { lang: 'validation.language', text: 'validation.required' } });
    await expect(translateSection(t.ctx, owner.actor, id, { version: 2, lang: 'es', text: 'Cada centro.' })).rejects.toMatchObject({ code: 'forbidden', message: 'plan.translators_only' });
    await expect(translateSection(t.ctx, null, id, { version: 2, lang: 'es', text: 'Cada centro.' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(translateSection(t.ctx, curator, crypto.randomUUID(), { version: 1, lang: 'es', text: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await getSectionHistory(t.ctx, id)).versions).toHaveLength(3);
  });

  it('is open after adoption and outside the amendment phases, without changing the adopted text', async () => {
    const { admin, curator, process, sections, doc } = await amendedPlan();
    await changePhase(t.ctx, admin, process.id, { toPhaseId: process.phases[2]!.id });
    await adoptDocument(t.ctx, admin, doc.id);
    await changePhase(t.ctx, admin, process.id, { toPhaseId: process.phases[3]!.id });
    const after = await translateSection(t.ctx, curator, sections[0]!.id, { version: 2, lang: 'es', text: 'Cada centro tiene una radio comunitaria.' });
    expect(after).toMatchObject({ status: 'adopted' });
    expect(after.sections[0]).toMatchObject({ version: 2, texts: { en: 'Every hub has a community radio. Alerts reach herders.', es: 'Cada centro tiene una radio comunitaria.' } });
    expect((await translateDocument(t.ctx, curator, doc.id, { lang: 'es', title: 'Plan de acción común' })).texts.es).toEqual({ title: 'Plan de acción común', preamble: '' });
  });
});

describe('translating titles', () => {
  it('adds and corrects a document’s title and preamble in another language; its own language is refused', async () => {
    const { curator, doc, owner } = await amendedPlan();
    await translateDocument(t.ctx, curator, doc.id, { lang: 'es', title: 'Plan común', preamble: 'Lo que haremos.' });
    const fixed = await translateDocument(t.ctx, curator, doc.id, { lang: 'es', title: 'Plan de acción común', preamble: 'Lo que haremos juntos.' });
    expect(fixed.texts).toMatchObject({ en: { title: 'Joint action plan' }, es: { title: 'Plan de acción común', preamble: 'Lo que haremos juntos.' } });
    await expect(translateDocument(t.ctx, curator, doc.id, { lang: 'en', title: 'Changed' })).rejects.toMatchObject({ code: 'invalid', fields: { lang: 'plan.original_language' } });
    await expect(translateDocument(t.ctx, curator, doc.id, { lang: 'es', title: '' })).rejects.toMatchObject({ fields: { title: 'validation.required' } });
    await expect(translateDocument(t.ctx, owner.actor, doc.id, { lang: 'ar', title: 'خطة' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getDocument(t.ctx, doc.id)).texts.en!.title).toBe('Joint action plan');
  });

  it('adds and corrects an action item’s title; its document’s language is refused', async () => {
    const { curator, sections } = await amendedPlan();
    const itemId = sections[0]!.actionItems[0]!.id;
    await translateActionItem(t.ctx, curator, itemId, { lang: 'es', title: 'Radios' });
    expect((await translateActionItem(t.ctx, curator, itemId, { lang: 'es', title: 'Radios en cada centro' })).texts).toEqual({
      en: { title: 'Radios in every hub' }, fr: { title: 'Des radios dans chaque centre' }, es: { title: 'Radios en cada centro' },
    });
    await expect(translateActionItem(t.ctx, curator, itemId, { lang: 'en', title: 'Changed' })).rejects.toMatchObject({ fields: { lang: 'plan.original_language' } });
    await expect(findActionItem(t.ctx, crypto.randomUUID())).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('drafting from a linked consultation', () => {
  it('refuses a consultation linked to another process, accepts one linked to this process', async () => {
    const { admin, process, consultation, statements: [s1] } = await makeDraftingSetup(t.ctx);
    const other = (await makeProcess(t.ctx)).process;
    await linkConsultation(t.ctx, consultation.id, other.id);
    const input = planInput(consultation.id, null, [s1.id], [s1.id]);
    await expect(draftDocument(t.ctx, admin, process.id, input)).rejects.toMatchObject({ code: 'invalid', fields: { consultationId: 'plan.consultation_other_process' } });
    await linkConsultation(t.ctx, consultation.id, process.id);
    expect((await draftDocument(t.ctx, admin, process.id, input)).sections).toHaveLength(2);
  });
});
