import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeConsultation, makeDelegate, makeHub, makeUser, newId } from '../../../test/factories.js';
import { makeProcess } from '../../../test/process-factories.js';
import { listConsultationsOfProcess } from './consultation-list.service.js';
import { closeConsultation, createConsultation, getConsultation, joinConsultation, linkConsultation } from './consultation.service.js';
import { addDelegate, registerOrganisation } from './organisations.service.js';

const t = useTestContext();
const input = { process: 'WSIS 2003', originalLanguage: 'fr', text: { title: 'Priorités communes', description: 'Ce que les secteurs veulent.' } };

describe('consultations', () => {
  it('lets an admin or a coordinator open one, and closes it once', async () => {
    const { actor: coordinator } = await makeUser(t.ctx, 'coordinator');
    const c = await createConsultation(t.ctx, coordinator, input);
    expect(c).toMatchObject({ process: 'WSIS 2003', status: 'open', originalLanguage: 'fr', createdBy: coordinator.id, closedAt: null });
    expect(c.texts.fr?.title).toBe('Priorités communes');
    expect((await getConsultation(t.ctx, c.id)).id).toBe(c.id);

    const { actor: other } = await makeUser(t.ctx, 'coordinator');
    await expect(closeConsultation(t.ctx, other, c.id)).rejects.toMatchObject({ code: 'forbidden' });
    const closed = await closeConsultation(t.ctx, coordinator, c.id);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toEqual(t.clock.now());
    await expect(closeConsultation(t.ctx, coordinator, c.id)).rejects.toMatchObject({ code: 'conflict', message: 'error.consultation_closed' });
  });

  it('refuses other roles, anonymous users and bad input', async () => {
    for (const role of ['curator', 'delegate'] as const) {
      await expect(createConsultation(t.ctx, (await makeUser(t.ctx, role)).actor, input)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(createConsultation(t.ctx, null, input)).rejects.toMatchObject({ code: 'unauthenticated' });
    const { actor: admin } = await makeUser(t.ctx, 'admin');
    await expect(createConsultation(t.ctx, admin, { ...input, originalLanguage: 'klingon', text: { title: '' } }))
      .rejects.toMatchObject({ code: 'invalid', fields: { originalLanguage: 'validation.language', 'text.title': 'validation.required' } });
    await expect(getConsultation(t.ctx, 'nope')).rejects.toMatchObject({ code: 'not_found' });
    await expect(getConsultation(t.ctx, newId())).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('organisations and delegates', () => {
  it('lets an admin register an organisation and attach a delegate who then joins for it', async () => {
    const { actor: admin } = await makeUser(t.ctx, 'admin');
    const org = await registerOrganisation(t.ctx, admin, { name: 'Ministère du Plan', sector: 'government', country: 'ne' });
    expect(org).toMatchObject({ sector: 'government', country: 'NE' });
    const { actor: delegate } = await makeUser(t.ctx, 'delegate');
    const c = await makeConsultation(t.ctx);
    await expect(joinConsultation(t.ctx, delegate, c.id)).rejects.toMatchObject({ code: 'forbidden', message: 'error.no_voice' });
    await addDelegate(t.ctx, admin, { organisationId: org.id, userId: delegate.id });
    const p = await joinConsultation(t.ctx, delegate, c.id);
    expect(p).toMatchObject({ organisationId: org.id, hubId: null, sector: 'government', userId: delegate.id });
  });

  it('refuses non-admins, unknown sectors, unknown records and non-delegate accounts', async () => {
    const { actor: admin } = await makeUser(t.ctx, 'admin');
    const { actor: curator } = await makeUser(t.ctx, 'curator');
    await expect(registerOrganisation(t.ctx, curator, { name: 'X', sector: 'government' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(registerOrganisation(t.ctx, admin, { name: 'X', sector: 'church' })).rejects.toMatchObject({ fields: { sector: 'validation.invalid_choice' } });
    const org = await registerOrganisation(t.ctx, admin, { name: 'ONG', sector: 'civil_society' });
    await expect(addDelegate(t.ctx, curator, { organisationId: org.id, userId: curator.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addDelegate(t.ctx, admin, { organisationId: newId(), userId: curator.id })).rejects.toMatchObject({ fields: { organisationId: 'validation.unknown_organisation' } });
    await expect(addDelegate(t.ctx, admin, { organisationId: org.id, userId: newId() })).rejects.toMatchObject({ fields: { userId: 'validation.unknown_user' } });
    await expect(addDelegate(t.ctx, admin, { organisationId: org.id, userId: curator.id })).rejects.toMatchObject({ fields: { userId: 'validation.not_a_delegate' } });
  });
});

describe('joining a consultation', () => {
  it('gives a coordinator the hub voice, once per consultation, and is idempotent', async () => {
    const hub = await makeHub(t.ctx);
    const other = await makeHub(t.ctx);
    const { actor: coordinator } = await makeUser(t.ctx, 'coordinator', [hub.id, other.id]);
    const c = await makeConsultation(t.ctx);
    const p = await joinConsultation(t.ctx, coordinator, c.id, { hubId: hub.id });
    expect(p).toMatchObject({ hubId: hub.id, organisationId: null, sector: 'hub' });
    expect((await joinConsultation(t.ctx, coordinator, c.id, { hubId: hub.id })).id).toBe(p.id);
    await expect(joinConsultation(t.ctx, coordinator, c.id, { hubId: other.id })).rejects.toMatchObject({ code: 'conflict', message: 'error.already_participant' });
    await expect(joinConsultation(t.ctx, coordinator, c.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a hub one does not coordinate, admins without a voice, and closed consultations', async () => {
    const hub = await makeHub(t.ctx);
    const { actor: coordinator } = await makeUser(t.ctx, 'coordinator', [hub.id]);
    const { actor: admin } = await makeUser(t.ctx, 'admin');
    const c = await makeConsultation(t.ctx, admin);
    await expect(joinConsultation(t.ctx, coordinator, c.id, { hubId: (await makeHub(t.ctx)).id })).rejects.toMatchObject({ code: 'forbidden', message: 'error.not_your_hub' });
    await expect(joinConsultation(t.ctx, admin, c.id, { hubId: hub.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(joinConsultation(t.ctx, null, c.id)).rejects.toMatchObject({ code: 'unauthenticated' });
    const { actor: delegate } = await makeDelegate(t.ctx, 'private_sector');
    await closeConsultation(t.ctx, admin, c.id);
    await expect(joinConsultation(t.ctx, delegate, c.id)).rejects.toMatchObject({ code: 'conflict', message: 'error.consultation_closed' });
  });
});

describe('consultations in a process', () => {
  it('opens a consultation inside a process, lists it with the process, and lets an admin move or unlink it', async () => {
    const { admin, process: p } = await makeProcess(t.ctx);
    const { process: other } = await makeProcess(t.ctx);
    const c = await createConsultation(t.ctx, admin, { ...input, processId: p.id });
    expect(c.processId).toBe(p.id);
    const loose = await createConsultation(t.ctx, admin, input);
    expect(loose.processId).toBeNull();
    expect((await listConsultationsOfProcess(t.ctx, p.id)).map((x) => x.id)).toEqual([c.id]);

    expect((await linkConsultation(t.ctx, admin, loose.id, { processId: p.id })).processId).toBe(p.id);
    expect((await linkConsultation(t.ctx, admin, loose.id, { processId: p.id })).processId).toBe(p.id); // idempotent
    expect((await linkConsultation(t.ctx, admin, c.id, { processId: other.id })).processId).toBe(other.id);
    expect((await listConsultationsOfProcess(t.ctx, p.id)).map((x) => x.id)).toEqual([loose.id]);
    expect((await linkConsultation(t.ctx, admin, loose.id, { processId: null })).processId).toBeNull();
    expect(await listConsultationsOfProcess(t.ctx, p.id)).toEqual([]);
    expect(await listConsultationsOfProcess(t.ctx, 'nope')).toEqual([]);
  });

  it('refuses an unknown or malformed process, non-admins and unknown consultations, changing nothing', async () => {
    const { admin, process: p } = await makeProcess(t.ctx);
    await expect(createConsultation(t.ctx, admin, { ...input, processId: newId() })).rejects.toMatchObject({ code: 'invalid', fields: { processId: 'validation.unknown_process' } });
    await expect(createConsultation(t.ctx, admin, { ...input, processId: 'WSIS' })).rejects.toMatchObject({ code: 'invalid', fields: { processId: 'validation.invalid_id' } });
    const c = await createConsultation(t.ctx, admin, input);
    await expect(linkConsultation(t.ctx, admin, c.id, { processId: newId() })).rejects.toMatchObject({ code: 'invalid', fields: { processId: 'validation.unknown_process' } });
    await expect(linkConsultation(t.ctx, admin, c.id, {})).rejects.toMatchObject({ code: 'invalid', fields: { processId: 'validation.required' } });
    for (const role of ['curator', 'coordinator', 'delegate'] as const) {
      await expect(linkConsultation(t.ctx, (await makeUser(t.ctx, role)).actor, c.id, { processId: p.id })).rejects.toMatchObject({ code: 'forbidden', message: 'consultation.link_admins_only' });
    }
    await expect(linkConsultation(t.ctx, null, c.id, { processId: p.id })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(linkConsultation(t.ctx, admin, newId(), { processId: p.id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await getConsultation(t.ctx, c.id)).processId).toBeNull();
    expect(await listConsultationsOfProcess(t.ctx, p.id)).toEqual([]);
  });
});
