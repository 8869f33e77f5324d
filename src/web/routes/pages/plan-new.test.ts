import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeStatement, makeUser } from '../../../../test/factories.js';
import { browser, signedInBrowser } from '../../../../test/http.js';
import { linkConsultation, makeDraftingSetup, makePlan, planInput } from '../../../../test/plan-factories.js';
import { draftDocument, getDocument, getPlan } from '../../../domain/action-plan/action-plan.service.js';
import { moderateStatement } from '../../../domain/consultation/statements.service.js';
import { changePhase } from '../../../domain/process/process.service.js';

const t = useTestContext();
const en = { 'accept-language': 'en' };

const signedIn = (email: string) => signedInBrowser(t.app, email);

async function asAdmin() {
  return signedIn((await makeUser(t.ctx, 'admin')).user.email);
}

describe('drafting a document from the page', () => {
  it('offers the link to drafters only, and says when no consultation is linked to the process', async () => {
    const { process: p, consultation } = await makeDraftingSetup(t.ctx);
    const admin = await asAdmin();
    const coordinator = await signedIn((await makeUser(t.ctx, 'coordinator')).user.email);
    expect(await (await admin.get(`/processes/${p.id}/plan`, en)).text()).toContain(`<a href="/processes/${p.id}/plan/new">Draft a document</a>`);
    expect(await (await coordinator.get(`/processes/${p.id}/plan`, en)).text()).not.toContain('/plan/new');
    expect((await coordinator.get(`/processes/${p.id}/plan/new`, en)).status).toBe(403);
    const anonymous = await browser(t.app).get(`/processes/${p.id}/plan/new`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/login?next=');
    const none = await (await admin.get(`/processes/${p.id}/plan/new`, en)).text();
    expect(none).toContain('No consultation is linked to this process yet. An administrator links one to it from the consultation’s page');
    expect(none).not.toContain('<form method="get"');
    await linkConsultation(t.ctx, consultation.id, p.id);
    const step1 = await (await admin.get(`/processes/${p.id}/plan/new`, en)).text();
    expect(step1).toContain(`<form method="get" action="/processes/${p.id}/plan/new">`);
    expect(step1).toContain(`name="consultation" value="${consultation.id}"`);
    expect(step1).toContain('3 accepted statements');
  });

  it('drafts in two steps: sections from the numbers chosen, closed up, with owners; then the document page', async () => {
    const { process: p, consultation, statements: [s1, s2, s3], owner } = await makeDraftingSetup(t.ctx);
    await linkConsultation(t.ctx, consultation.id, p.id);
    const admin = await asAdmin();
    const step2 = await (await admin.get(`/processes/${p.id}/plan/new?consultation=${consultation.id}`, en)).text();
    expect(step2).toContain(`<form method="post" action="/processes/${p.id}/plan/new" novalidate="">`);
    expect(step2).toMatch(new RegExp(`<label for="f-section-${s1.id}">Section for statement [1-3]</label>`));
    expect(step2).toContain(`<p id="st-${s1.id}" lang="en" dir="ltr">Every hub has a radio.</p>`);
    expect(step2).toContain('<label for="f-owner-3">Owner of section 3</label>');
    expect(step2).toContain('Ministère du Plan');
    const res = await admin.post(`/processes/${p.id}/plan/new`, {
      consultationId: consultation.id, kind: 'declaration', originalLanguage: 'en', title: 'Geneva declaration', preamble: 'We, the hubs…',
      [`section.${s1.id}`]: '5', [`section.${s2.id}`]: '5', [`section.${s3.id}`]: '2', 'owner.5': owner.organisation.id, 'owner.2': '',
    });
    // Statements sharing a number keep the order the page listed them in.
    const listed = [s1.id, s2.id].sort((a, b) => step2.indexOf(`id="st-${a}"`) - step2.indexOf(`id="st-${b}"`));
    expect(res.status).toBe(303);
    const [doc] = await getPlan(t.ctx, p.id);
    expect(res.headers.get('location')).toBe(`/processes/${p.id}/plan/${doc!.id}?done=plan_drafted`);
    expect(doc).toMatchObject({ kind: 'declaration', originalLanguage: 'en', consultationId: consultation.id, texts: { en: { title: 'Geneva declaration', preamble: 'We, the hubs…' } } });
    expect(doc!.sections.map((s) => [s.position, s.sourceStatementIds, s.owner?.id ?? null])).toEqual([[1, [s3.id], null], [2, listed, owner.organisation.id]]);
    const page = await (await admin.get(res.headers.get('location')!, en)).text();
    expect(page).toContain('Document drafted.');
    // A declaration has no action items: no form to add one.
    expect(page).not.toContain('/items"');
  });

  it('re-renders with the values and errors: no statement chosen, unknown or unaccepted statements, a bad number', async () => {
    const { admin: adminActor, process: p, consultation, statements: [s1] } = await makeDraftingSetup(t.ctx);
    await linkConsultation(t.ctx, consultation.id, p.id);
    const rejected = await makeStatement(t.ctx, consultation.id, 'Not agreed.');
    await moderateStatement(t.ctx, adminActor, rejected.id, { decision: 'reject' });
    const admin = await asAdmin();
    const base = { consultationId: consultation.id, kind: 'action_plan', originalLanguage: 'en', title: 'Kept title', preamble: '' };
    const empty = await admin.post(`/processes/${p.id}/plan/new`, { ...base, [`section.${s1.id}`]: '' }, {});
    expect(empty.status).toBe(422);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('A document needs at least one section.');
    expect(emptyHtml).toContain('value="Kept title"');
    const unknown = await admin.post(`/processes/${p.id}/plan/new`, { ...base, [`section.${s1.id}`]: '1', [`section.${crypto.randomUUID()}`]: '1' });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('Choose an accepted statement of this consultation.');
    const notAccepted = await admin.post(`/processes/${p.id}/plan/new`, { ...base, [`section.${rejected.id}`]: '2' });
    expect(notAccepted.status).toBe(422);
    const badNumber = await admin.post(`/processes/${p.id}/plan/new`, { ...base, [`section.${s1.id}`]: '40' });
    expect(badNumber.status).toBe(422);
    expect(await badNumber.text()).toContain(`href="#f-section-${s1.id}"`);
    const noTitle = await admin.post(`/processes/${p.id}/plan/new`, { ...base, title: '', [`section.${s1.id}`]: '1', 'owner.1': crypto.randomUUID() });
    expect(noTitle.status).toBe(422);
    const noTitleHtml = await noTitle.text();
    expect(noTitleHtml).toContain('<a href="#f-title">Title: Required.</a>');
    expect(noTitleHtml).toContain(`<option value="1" selected="">Section 1</option>`);
    expect(await getPlan(t.ctx, p.id)).toEqual([]);
  });

  it('refuses outside a phase allowing amendments (no form) and a consultation not linked to the process', async () => {
    const { admin: adminActor, process: p, consultation, statements: [s1] } = await makeDraftingSetup(t.ctx);
    const admin = await asAdmin();
    const input = { consultationId: consultation.id, kind: 'action_plan', originalLanguage: 'en', title: 'Plan', [`section.${s1.id}`]: '1' };
    const unlinked = await admin.post(`/processes/${p.id}/plan/new`, input);
    expect(unlinked.status).toBe(422);
    await linkConsultation(t.ctx, consultation.id, p.id);
    expect(await (await admin.get(`/processes/${p.id}/plan/new?consultation=${crypto.randomUUID()}`, en)).text()).toContain('Choose one of the consultations linked to this process.');
    await changePhase(t.ctx, adminActor, p.id, { toPhaseId: p.phases[1]!.id });
    const closed = await (await admin.get(`/processes/${p.id}/plan/new?consultation=${consultation.id}`, en)).text();
    expect(closed).toContain('The current phase of the process does not allow drafting');
    expect(closed).not.toContain('name="consultationId"');
    expect(await (await admin.get(`/processes/${p.id}/plan`, en)).text()).not.toContain('Draft a document');
    const refused = await admin.post(`/processes/${p.id}/plan/new`, input);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('role="alert"');
    expect(await getPlan(t.ctx, p.id)).toEqual([]);
  });
});

describe('adding action items from the document page', () => {
  it('shows a form per section to drafters; adds an item; a taken code or bad weight comes back with its message', async () => {
    const { process: p, doc, sections, owner } = await makePlan(t.ctx);
    const admin = await asAdmin();
    const base = `/processes/${p.id}/plan`;
    const page = await (await admin.get(`${base}/${doc.id}`, en)).text();
    expect(page).toContain(`action="${base}/sections/${sections[1]!.id}/items"`);
    expect(page).toContain('<legend>Add an action item to section 2</legend>');
    const member = await signedIn(owner.user.email);
    expect(await (await member.get(`${base}/${doc.id}`, en)).text()).not.toContain('/items"');
    expect((await member.post(`${base}/sections/${sections[1]!.id}/items`, { code: 'B9', title: 'Not mine' })).status).toBe(403);
    const ok = await admin.post(`${base}/sections/${sections[1]!.id}/items`, { code: 'B1', weight: '', title: 'Publish budgets' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${base}/${doc.id}?done=plan_item_added#section-2`);
    expect((await getDocument(t.ctx, doc.id)).sections[1]!.actionItems).toMatchObject([{ code: 'B1', weight: 1, texts: { en: { title: 'Publish budgets' } } }]);
    const taken = await admin.post(`${base}/sections/${sections[1]!.id}/items`, { code: 'A1', weight: '3', title: 'Again' });
    expect(taken.status).toBe(409);
    const takenHtml = await taken.text();
    expect(takenHtml).toContain('Another action item of this plan has that code.');
    expect(takenHtml).toContain('value="Again"');
    const bad = await admin.post(`${base}/sections/${sections[0]!.id}/items`, { code: 'A 2', weight: '0', title: '' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Give a whole number from 1 to 100.');
    expect(badHtml).toContain('Use letters, digits, dots and hyphens only.');
    expect(badHtml).toContain('id="item-1-title" name="title" value="" aria-invalid="true"');
  });

  it('refuses items on a declaration and outside a phase allowing amendments, with the message on the page', async () => {
    const { admin: adminActor, process: p, consultation, statements: [s1], doc, sections } = await makePlan(t.ctx);
    const declaration = await draftDocument(t.ctx, adminActor, p.id, planInput(consultation.id, null, [s1!.id], [s1!.id], { kind: 'declaration', sections: [{ statementIds: [s1!.id] }] }));
    const admin = await asAdmin();
    const base = `/processes/${p.id}/plan`;
    const onDeclaration = await admin.post(`${base}/sections/${declaration.sections[0]!.id}/items`, { code: 'D1', title: 'No' });
    expect(onDeclaration.status).toBe(422);
    expect(await onDeclaration.text()).toContain('Only an action plan has action items.');
    await changePhase(t.ctx, adminActor, p.id, { toPhaseId: p.phases[1]!.id });
    const closed = await admin.post(`${base}/sections/${sections[1]!.id}/items`, { code: 'B1', title: 'Late' });
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain('The current phase of the process does not allow');
    expect((await getDocument(t.ctx, doc.id)).sections[1]!.actionItems).toEqual([]);
  });
});
