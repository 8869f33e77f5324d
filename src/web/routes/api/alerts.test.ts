import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { droughtInput } from '../../../../test/alert-factories.js';
import { useTestContext } from '../../../../test/context.js';
import { apiTokenFor, makeHub, makeUser } from '../../../../test/factories.js';
import { makeSubscriber, useEmptySubscribers } from '../../../../test/subscriber-factories.js';
import { fanOutStep } from '../../../domain/alerts/alert-fanout.js';
import { alertJsonSchema, alertProgressJsonSchema, capRefusalJsonSchema } from './alerts-representation.js';
import { pageSchemaOf } from './representation.js';

const t = useTestContext();
useEmptySubscribers(t);
beforeEach(() => t.clock.advance(61_000));

const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/cap/${name}`, import.meta.url), 'utf8');

const send = (path: string, token: string | null, body?: unknown, contentType = 'application/json') =>
  t.app.request(`/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': contentType } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });

async function tokens() {
  const [author, approver, delegate] = await Promise.all(['coordinator', 'admin', 'delegate'].map(async (role) => apiTokenFor(t.ctx, (await makeUser(t.ctx, role as 'admin')).actor)));
  return { author: author!, approver: approver!, delegate: delegate! };
}

describe('alerts API', () => {
  it('creates, refuses the author’s approval, approves once, reports progress in counts, and shows approved alerts to all', async () => {
    const subscriber = await makeSubscriber(t.ctx, { topic: 'drought', area: { kind: 'admin_area', code: 'NE:maradi' }, language: 'fr' });
    const { author, approver, delegate } = await tokens();

    expect((await send('/alerts', null, droughtInput())).status).toBe(401);
    expect((await send('/alerts', delegate, droughtInput())).status).toBe(403);
    const invalid = await send('/alerts', author, droughtInput({ adminAreas: [], expiresAt: '2026-05-01T00:00:00Z' }));
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ error: { code: 'invalid', fields: { countries: 'Choose at least one country, admin area or hub.', expiresAt: 'The end must come after the start.' } } });

    const created = await send('/alerts', author, droughtInput());
    expect(created.status).toBe(201);
    const alert = alertJsonSchema.parse(await created.json());
    expect(created.headers.get('location')).toBe(`/api/v1/alerts/${alert.id}`);
    expect(alert).toMatchObject({ status: 'pending', source: 'api', msgType: 'Alert' });
    expect((await send(`/alerts/${alert.id}`, null)).status).toBe(404);

    const own = await send(`/alerts/${alert.id}/decision`, author, { decision: 'approve' });
    expect(own.status).toBe(403);
    expect(await own.json()).toMatchObject({ error: { code: 'forbidden', message: 'You wrote this alert: another person must approve it.' } });
    const approved = await send(`/alerts/${alert.id}/decision`, approver, { decision: 'approve', note: 'ok' });
    expect(approved.status).toBe(200);
    expect(alertJsonSchema.parse(await approved.json())).toMatchObject({ status: 'approved', decisionNote: 'ok' });
    expect((await send(`/alerts/${alert.id}/decision`, approver, { decision: 'reject' })).status).toBe(409);

    while (!(await fanOutStep(t.ctx, alert.id)).isDone);
    expect((await send(`/alerts/${alert.id}/progress`, null)).status).toBe(401);
    expect((await send(`/alerts/${alert.id}/progress`, delegate)).status).toBe(403);
    const progress = await send(`/alerts/${alert.id}/progress`, author);
    expect(progress.status).toBe(200);
    const progressText = await progress.text();
    expect(alertProgressJsonSchema.parse(JSON.parse(progressText))).toMatchObject({ dispatch: 'done', total: 1, counts: { queued: 1 } });
    expect(progressText).not.toContain(subscriber.phone.slice(4));

    const list = pageSchemaOf(alertJsonSchema).parse(await (await send('/alerts', null)).json());
    expect(list.items.map((a) => a.id)).toEqual([alert.id]);
    const cap = await send(`/alerts/${alert.id}/cap`, null);
    expect(cap.headers.get('content-type')).toMatch(/^application\/cap\+xml/);
    expect(await cap.text()).toContain(`<identifier>${alert.identifier}</identifier>`);
  });

  it('updates and cancels an approved alert; the change waits for approval', async () => {
    const { author, approver } = await tokens();
    const first = alertJsonSchema.parse(await (await send('/alerts', author, droughtInput())).json());
    expect((await send(`/alerts/${first.id}/changes`, author, { msgType: 'Update', alert: droughtInput() })).status).toBe(409);
    await send(`/alerts/${first.id}/decision`, approver, { decision: 'approve' });
    const update = await send(`/alerts/${first.id}/changes`, author, { msgType: 'Update', alert: droughtInput({ severity: 'Extreme' }) });
    expect(update.status).toBe(201);
    expect(alertJsonSchema.parse(await update.json())).toMatchObject({ msgType: 'Update', references: first.id, status: 'pending', severity: 'Extreme' });
    const cancel = await send(`/alerts/${first.id}/changes`, author, { msgType: 'Cancel', alert: droughtInput() });
    expect(alertJsonSchema.parse(await cancel.json())).toMatchObject({ msgType: 'Cancel', references: first.id });
    expect((await send(`/alerts/${first.id}/changes`, author, { msgType: 'Delete', alert: droughtInput() })).status).toBe(422);
  });

  it('imports CAP XML: 201 for a valid file, 422 with every reason for a broken one, 415 for another media type', async () => {
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi' });
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Zinder' });
    const { author } = await tokens();
    expect((await send('/alerts/cap', null, fixture('valid/drought-niger-fr-ha.xml'), 'application/cap+xml')).status).toBe(401);
    const ok = await send('/alerts/cap', author, fixture('valid/drought-niger-fr-ha.xml'), 'application/cap+xml');
    expect(ok.status).toBe(201);
    const imported = alertJsonSchema.parse(await ok.json());
    expect(imported).toMatchObject({ source: 'cap', status: 'pending', originalLanguage: 'fr-NE' });
    expect(ok.headers.get('location')).toBe(`/api/v1/alerts/${imported.id}`);

    const again = await send('/alerts/cap', author, fixture('valid/drought-niger-fr-ha.xml'), 'application/xml; charset=utf-8');
    expect(again.status).toBe(422);
    expect(capRefusalJsonSchema.parse(await again.json()).error.errors.map((e) => e.code)).toEqual(['already_imported']);

    const broken = await send('/alerts/cap', author, fixture('invalid/many-errors.xml'), 'application/cap+xml');
    expect(broken.status).toBe(422);
    const refusal = capRefusalJsonSchema.parse(await broken.json());
    expect(refusal.error.errors).toHaveLength(10);
    expect(refusal.error.errors).toContainEqual(expect.objectContaining({ path: 'info[0].area[0].polygon[0]', code: 'invalid_polygon', message: expect.stringContaining('Not a valid polygon') }));
    const notXml = capRefusalJsonSchema.parse(await (await send('/alerts/cap', author, fixture('invalid/not-xml.json'), 'application/xml')).json());
    expect(notXml.error.errors[0]).toMatchObject({ code: 'not_xml', line: 1, column: 1 });

    expect((await send('/alerts/cap', author, fixture('valid/drought-niger-fr-ha.xml'), 'application/json')).status).toBe(415);
    expect((await send('/alerts/cap', author, 'x'.repeat(1024 * 1024 + 1), 'application/cap+xml')).status).toBe(413);
  });
});
