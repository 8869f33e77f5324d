import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeHub, makePractice, makeUser, newId } from '../../../test/factories.js';
import { answerExchange, getExchange, listHubExchanges, postExchangeMessage, requestExchange } from './exchanges.service.js';

const t = useTestContext();

async function twoHubs() {
  const a = await makeHub(t.ctx, { country: 'NE' });
  const b = await makeHub(t.ctx, { country: 'BD' });
  const { actor: asker } = await makeUser(t.ctx, 'coordinator', [a.id]);
  const { actor: asked } = await makeUser(t.ctx, 'coordinator', [b.id]);
  return { a, b, asker, asked };
}

describe('exchanges between hubs', () => {
  it('runs a request, an acceptance and a thread, visible to both sides only', async () => {
    const { a, b, asker, asked } = await twoHubs();
    const e = await requestExchange(t.ctx, asker, { fromHubId: a.id, toHubId: b.id, message: 'How do you pay the village phone operators?' });
    expect(e.status).toBe('requested');
    await expect(answerExchange(t.ctx, asker, e.id, { answer: 'accept' })).rejects.toMatchObject({ code: 'forbidden' });
    const accepted = await answerExchange(t.ctx, asked, e.id, { answer: 'accept', message: 'Gladly — call us on Tuesday.' });
    expect(accepted.status).toBe('accepted');
    await expect(answerExchange(t.ctx, asked, e.id, { answer: 'decline' })).rejects.toMatchObject({ code: 'conflict' });
    const thread = await postExchangeMessage(t.ctx, asker, e.id, { body: 'Tuesday it is.' });
    expect(thread.messages.map((m) => [m.hubId, m.body])).toEqual([
      [a.id, 'How do you pay the village phone operators?'],
      [b.id, 'Gladly — call us on Tuesday.'],
      [a.id, 'Tuesday it is.'],
    ]);
    const { actor: stranger } = await makeUser(t.ctx, 'coordinator', [(await makeHub(t.ctx)).id]);
    await expect(getExchange(t.ctx, stranger, e.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(listHubExchanges(t.ctx, stranger, a.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listHubExchanges(t.ctx, asked, b.id)).map((x) => x.id)).toEqual([e.id]);
  });

  it('sends a request about a practice to its authors', async () => {
    const { a, b, asker } = await twoHubs();
    const p = await makePractice(t.ctx, { hubIds: [b.id] });
    const e = await requestExchange(t.ctx, asker, { fromHubId: a.id, practiceId: p.id, message: 'Can we adapt this?' });
    expect([e.toHubId, e.practiceId]).toEqual([b.id, p.id]);
  });

  it('refuses requests to oneself, duplicates, unknown hubs, and for hubs one does not run', async () => {
    const { a, b, asker, asked } = await twoHubs();
    const msg = { message: 'Hello' };
    await expect(requestExchange(t.ctx, asker, { fromHubId: a.id, toHubId: a.id, ...msg })).rejects.toMatchObject({ fields: { toHubId: 'validation.exchange_self' } });
    await expect(requestExchange(t.ctx, asker, { fromHubId: a.id, toHubId: newId(), ...msg })).rejects.toMatchObject({ fields: { toHubId: 'validation.unknown_hub' } });
    await expect(requestExchange(t.ctx, asker, { fromHubId: b.id, toHubId: a.id, ...msg })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requestExchange(t.ctx, null, { fromHubId: a.id, toHubId: b.id, ...msg })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(requestExchange(t.ctx, asker, { fromHubId: a.id, toHubId: b.id, message: '' })).rejects.toMatchObject({ fields: { message: 'validation.required' } });
    const first = await requestExchange(t.ctx, asker, { fromHubId: a.id, toHubId: b.id, ...msg });
    await expect(requestExchange(t.ctx, asker, { fromHubId: a.id, toHubId: b.id, ...msg })).rejects.toMatchObject({ code: 'conflict' });
    await answerExchange(t.ctx, asked, first.id, { answer: 'decline' });
    await expect(postExchangeMessage(t.ctx, asker, first.id, { body: 'Please?' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(requestExchange(t.ctx, asker, { fromHubId: a.id, toHubId: b.id, ...msg })).resolves.toMatchObject({ status: 'requested' });
  });
});
