import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeProcess } from '../../../../test/process-factories.js';
import { closeConsultation } from '../../../domain/consultation/consultation.service.js';
import { apiTokenFor, makeDelegate, makeHub, makeStatement, makeUser } from '../../../../test/factories.js';
import {
  consultationDetailJsonSchema, consultationJsonSchema, consultationListJsonSchema, nextJsonSchema, participantJsonSchema, statementJsonSchema, voteJsonSchema,
} from './consultation-representation.js';

const t = useTestContext();

const send = (path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) =>
  t.app.request(`/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; fields: Record<string, string> } }).error;
}

describe('consultations API', () => {
  it('opens, joins, proposes, moderates, votes and serves the next statement', async () => {
    const admin = await apiTokenFor(t.ctx, (await makeUser(t.ctx, 'admin')).actor);
    const created = await send('/consultations', admin, { originalLanguage: 'fr', text: { title: 'Priorités', description: 'Pour les centres.' } });
    expect(created.status).toBe(201);
    const c = consultationJsonSchema.parse(await created.json());
    expect(created.headers.get('location')).toBe(`/api/v1/consultations/${c.id}`);
    const s1 = await makeStatement(t.ctx, c.id, 'Chaque village a besoin d’une radio.', 'fr', { en: 'Every village needs a radio.' });

    const { actor } = await makeDelegate(t.ctx, 'civil_society');
    const delegate = await apiTokenFor(t.ctx, actor);
    expect((await send(`/consultations/${c.id}/next`, delegate)).status).toBe(403);
    const joined = participantJsonSchema.parse(await (await send(`/consultations/${c.id}/participants`, delegate, {})).json());
    expect(joined.sector).toBe('civil_society');
    expect(participantJsonSchema.parse(await (await send(`/consultations/${c.id}/participants`, delegate, {})).json()).id).toBe(joined.id);

    const proposed = await send(`/consultations/${c.id}/statements`, delegate, { lang: 'en', text: 'Hubs need solar power.' });
    expect(proposed.status).toBe(201);
    const s2 = statementJsonSchema.parse(await proposed.json());
    expect(s2.status).toBe('pending');
    expect((await send(`/statements/${s2.id}/moderation`, delegate, { decision: 'accept' })).status).toBe(403);
    const curator = await apiTokenFor(t.ctx, (await makeUser(t.ctx, 'curator')).actor);
    expect((await send(`/statements/${s2.id}/moderation`, curator, { decision: 'maybe' })).status).toBe(422);
    expect(statementJsonSchema.parse(await (await send(`/statements/${s2.id}/moderation`, curator, { decision: 'accept' })).json()).status).toBe('accepted');
    const translated = await send(`/statements/${s2.id}/texts`, delegate, { lang: 'fr', text: 'Les centres ont besoin d’énergie solaire.' });
    expect(translated.status).toBe(201);
    expect(statementJsonSchema.parse(await translated.json()).texts.map((x) => x.lang).sort()).toEqual(['en', 'fr']);
    expect((await send(`/statements/${s2.id}/texts`, delegate, { lang: 'fr', text: 'Encore' })).status).toBe(409);

    const detail = consultationDetailJsonSchema.parse(await (await send(`/consultations/${c.id}?lang=en`, null)).json());
    // The fixed test clock gives both the same time, so their order is the ids'.
    expect(detail.statements.map((s) => s.text.text).sort()).toEqual(['Every village needs a radio.', 'Hubs need solar power.']);
    expect(detail.statements.every((s) => s.texts.length === 2)).toBe(true);
    const list = consultationListJsonSchema.parse(await (await send('/consultations', null)).json());
    expect(list.items[0]).toMatchObject({ id: c.id, statementCount: 2, participantCount: 1 });

    const first = nextJsonSchema.parse(await (await send(`/consultations/${c.id}/next?lang=fr`, delegate)).json()).statement!;
    expect(first.text.lang).toBe('fr');
    const vote = voteJsonSchema.parse(await (await send(`/consultations/${c.id}/votes`, delegate, { statementId: first.id, vote: 'agree', lang: 'fr' })).json());
    expect(vote).toEqual({ statementId: first.id, vote: 'agree', lang: 'fr', isChanged: true });
    const second = nextJsonSchema.parse(await (await send(`/consultations/${c.id}/next`, delegate)).json()).statement!;
    expect(second.id).not.toBe(first.id);
    expect([s1.id, s2.id]).toContain(second.id);
    await send(`/consultations/${c.id}/votes`, delegate, { statementId: second.id, vote: 'pass', lang: second.text.lang });
    expect(nextJsonSchema.parse(await (await send(`/consultations/${c.id}/next`, delegate)).json()).statement).toBeNull();
    const repeat = voteJsonSchema.parse(await (await send(`/consultations/${c.id}/votes`, delegate, { statementId: first.id, vote: 'agree', lang: 'fr' })).json());
    expect(repeat.isChanged).toBe(false);
  });

  it('answers bad input in the API error shape with the right status', async () => {
    const { actor: adminActor } = await makeUser(t.ctx, 'admin');
    const admin = await apiTokenFor(t.ctx, adminActor);
    const c = consultationJsonSchema.parse(await (await send('/consultations', admin, { originalLanguage: 'en', text: { title: 'Votes' } })).json());
    expect(c.processId).toBeNull();
    const noProcess = await send('/consultations', admin, { originalLanguage: 'en', text: { title: 'Votes' }, processId: crypto.randomUUID() });
    expect(noProcess.status).toBe(422);
    expect((await errorOf(noProcess)).fields).toEqual({ processId: 'This process does not exist.' });
    const { process } = await makeProcess(t.ctx);
    const inProcess = await send('/consultations', admin, { originalLanguage: 'en', text: { title: 'In a process' }, processId: process.id });
    expect(inProcess.status).toBe(201);
    expect(consultationJsonSchema.parse(await inProcess.json()).processId).toBe(process.id);
    const s = await makeStatement(t.ctx, c.id);
    const hub = await makeHub(t.ctx);
    const coordinator = await apiTokenFor(t.ctx, (await makeUser(t.ctx, 'coordinator', [hub.id])).actor);
    const stranger = await apiTokenFor(t.ctx, (await makeDelegate(t.ctx)).actor);

    expect((await send(`/consultations/${c.id}/votes`, null, { statementId: s.id, vote: 'agree', lang: 'en' })).status).toBe(401);
    const notParticipant = await send(`/consultations/${c.id}/votes`, stranger, { statementId: s.id, vote: 'agree', lang: 'en' });
    expect(notParticipant.status).toBe(403);
    expect((await errorOf(notParticipant)).message).toBe('Join the consultation first.');
    expect((await send(`/consultations/${c.id}/participants`, coordinator, { hubId: (await makeHub(t.ctx)).id })).status).toBe(403);
    expect((await send(`/consultations/${c.id}/participants`, coordinator, { hubId: hub.id })).status).toBe(200);

    const unknown = await send(`/consultations/${c.id}/votes`, coordinator, { statementId: crypto.randomUUID(), vote: 'agree', lang: 'en' });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('not_found');
    const invalid = await send(`/consultations/${c.id}/votes`, coordinator, { statementId: s.id, vote: 'maybe', lang: 'xx-!!' });
    expect(invalid.status).toBe(422);
    expect(Object.keys((await errorOf(invalid)).fields).sort()).toEqual(['lang', 'vote']);
    const noVersion = await send(`/consultations/${c.id}/votes`, coordinator, { statementId: s.id, vote: 'agree', lang: 'fr' });
    expect((await errorOf(noVersion)).fields).toEqual({ lang: 'This statement has no version in this language.' });

    const empty = await send(`/consultations/${c.id}/statements`, coordinator, { lang: 'en', text: '' });
    expect(empty.status).toBe(422);
    expect((await errorOf(empty)).fields.text).toBe('Required.');
    expect((await errorOf(await send(`/consultations/${c.id}/statements`, coordinator, { lang: 'en', text: 'x'.repeat(501) }))).fields.text).toBe('Too long: at most 500 characters.');
    expect((await errorOf(await send(`/consultations/${c.id}/statements`, coordinator, { lang: 'klingon', text: 'Hello' }))).fields).toHaveProperty('lang');
    expect((await send(`/consultations/${c.id}/statements`, coordinator, 'not an object')).status).toBe(400);

    await closeConsultation(t.ctx, adminActor, c.id);
    const closed = await send(`/consultations/${c.id}/votes`, coordinator, { statementId: s.id, vote: 'agree', lang: 'en' });
    expect(closed.status).toBe(409);
    expect((await errorOf(closed)).message).toBe('This consultation is closed: it takes no more statements or votes.');
    expect((await send(`/consultations/${c.id}/next`, coordinator)).status).toBe(409);
    expect((await send(`/consultations/${crypto.randomUUID()}`, null)).status).toBe(404);
    const french = await send(`/consultations/${c.id}/votes`, coordinator, { statementId: s.id, vote: 'agree', lang: 'en' }, { 'accept-language': 'fr' });
    expect((await errorOf(french)).message).toMatch(/close/);
  });
});
