import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeStatement, makeUser } from '../../../test/factories.js';
import { makePlan, planInput } from '../../../test/plan-factories.js';
import { makeMember } from '../../../test/stocktake-factories.js';
import { moderateStatement } from '../consultation/statements.service.js';
import { changePhase } from '../process/process.service.js';
import { addActionItem, adoptDocument, draftDocument, getPlan, getSectionHistory } from './action-plan.service.js';
import { proposeAmendment } from './amendments.service.js';

const t = useTestContext();

describe('drafting a document from statements', () => {
  it('builds each section’s first version from its statements, per language they all share, keeping their ids', async () => {
    const { doc, statements: [s1, s2, s3], owner } = await makePlan(t.ctx);
    expect(doc).toMatchObject({ kind: 'action_plan', status: 'drafting', originalLanguage: 'en', adoptedAt: null });
    const [first, second] = doc.sections;
    expect(first).toMatchObject({ position: 1, version: 1, owner: { id: owner.organisation.id, name: 'Ministère du Plan' }, sourceStatementIds: [s1!.id, s2!.id] });
    expect(first!.texts).toEqual({ en: 'Every hub has a radio. Alerts reach herders.', fr: 'Chaque centre a une radio. Les alertes atteignent les éleveurs.' });
    expect(second).toMatchObject({ position: 2, owner: null, sourceStatementIds: [s3!.id], texts: { en: 'Budgets are published.' } });
    expect(first!.actionItems).toMatchObject([{ code: 'A1', weight: 2, texts: { fr: { title: 'Des radios dans chaque centre' } } }]);
    expect(second!.actionItems).toEqual([]);
  });

  it('refuses non-drafters, statements not accepted, items in a declaration and drafting outside an amendments phase; writes nothing', async () => {
    const { admin, process, consultation, statements: [s1] } = await makePlan(t.ctx);
    const pending = await makeStatement(t.ctx, consultation.id, 'Not yet moderated.');
    await moderateStatement(t.ctx, admin, pending.id, { decision: 'reject' });
    const delegate = (await makeMember(t.ctx)).actor;
    await expect(draftDocument(t.ctx, delegate, process.id, planInput(consultation.id, null, [s1!.id], [s1!.id]))).rejects.toMatchObject({ code: 'forbidden', message: 'plan.drafters_only' });
    await expect(draftDocument(t.ctx, admin, process.id, planInput(consultation.id, null, [s1!.id], [pending.id]))).rejects.toMatchObject({ code: 'invalid', fields: { 'sections.1.statementIds.0': 'plan.statement_not_accepted' } });
    await expect(draftDocument(t.ctx, admin, process.id, planInput(consultation.id, null, [s1!.id], [s1!.id], { kind: 'declaration' }))).rejects.toMatchObject({ fields: { 'sections.0.actionItems': 'plan.items_only_in_action_plan' } });
    await changePhase(t.ctx, admin, process.id, { toPhaseId: process.phases[1]!.id });
    await expect(draftDocument(t.ctx, admin, process.id, planInput(consultation.id, null, [s1!.id], [s1!.id]))).rejects.toMatchObject({ code: 'conflict', message: 'process.not_in_phase' });
    expect(await getPlan(t.ctx, process.id)).toHaveLength(1);
  });

  it('adds action items to an action plan while drafting; a code is unique in its document', async () => {
    const { admin, sections } = await makePlan(t.ctx);
    const doc = await addActionItem(t.ctx, admin, sections[1]!.id, { code: 'B1', texts: { en: { title: 'Publish budgets' } } });
    expect(doc.sections[1]!.actionItems).toMatchObject([{ code: 'B1', weight: 1 }]);
    await expect(addActionItem(t.ctx, admin, sections[1]!.id, { code: 'A1', texts: { en: { title: 'Again' } } })).rejects.toMatchObject({ code: 'conflict', message: 'plan.code_taken' });
    await expect(addActionItem(t.ctx, admin, sections[1]!.id, { code: 'B 2', weight: 0, texts: {} })).rejects.toMatchObject({ fields: { code: 'plan.invalid_code', weight: 'plan.invalid_weight', texts: 'validation.required' } });
  });
});

describe('adoption', () => {
  it('needs the adoption phase and no pending amendment, is for admins, and makes the document read-only', async () => {
    const { admin, process, sections, doc } = await makePlan(t.ctx);
    const curator = (await makeUser(t.ctx, 'curator')).actor;
    await proposeAmendment(t.ctx, admin, sections[1]!.id, { baseVersion: 1, lang: 'en', text: 'Budgets are published every year.' });
    await expect(adoptDocument(t.ctx, admin, doc.id)).rejects.toMatchObject({ code: 'conflict', message: 'process.not_in_phase' });
    await changePhase(t.ctx, admin, process.id, { toPhaseId: process.phases[2]!.id });
    await expect(adoptDocument(t.ctx, curator, doc.id)).rejects.toMatchObject({ code: 'forbidden', message: 'plan.admins_adopt' });
    await expect(adoptDocument(t.ctx, admin, doc.id)).rejects.toMatchObject({ code: 'conflict', message: 'plan.amendments_pending' });
    expect((await getPlan(t.ctx, process.id))[0]!.status).toBe('drafting');
  });

  it('records who adopted and when; amendments and items are then refused with a clear message', async () => {
    const { admin, process, sections, doc } = await makePlan(t.ctx);
    await changePhase(t.ctx, admin, process.id, { toPhaseId: process.phases[2]!.id });
    t.clock.advance(3600_000);
    const adopted = await adoptDocument(t.ctx, admin, doc.id);
    expect(adopted).toMatchObject({ status: 'adopted', adoptedByName: admin.displayName, adoptedAt: new Date('2026-06-01T11:00:00Z') });
    await expect(adoptDocument(t.ctx, admin, doc.id)).rejects.toMatchObject({ code: 'conflict', message: 'plan.already_adopted' });
    await changePhase(t.ctx, admin, process.id, { toPhaseId: process.phases[0]!.id });
    await expect(proposeAmendment(t.ctx, admin, sections[0]!.id, { baseVersion: 1, lang: 'en', text: 'Changed after adoption.' })).rejects.toMatchObject({ code: 'conflict', message: 'plan.adopted_read_only' });
    await expect(addActionItem(t.ctx, admin, sections[0]!.id, { code: 'A2', texts: { en: { title: 'Late' } } })).rejects.toMatchObject({ message: 'plan.adopted_read_only' });
    expect((await getSectionHistory(t.ctx, sections[0]!.id)).versions).toHaveLength(2);
  });
});
