import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeHub, makePractice, makeUser } from '../../../../test/factories.js';
import { browser } from '../../../../test/http.js';

const t = useTestContext();

describe('exchange pages', () => {
  it('lets a coordinator ask a peer from its page, and the peer answer and reply', async () => {
    const mine = await makeHub(t.ctx, { country: 'NE' });
    const peer = await makeHub(t.ctx, { country: 'BD' });
    const { user: asker } = await makeUser(t.ctx, 'coordinator', [mine.id]);
    const { user: asked } = await makeUser(t.ctx, 'coordinator', [peer.id]);
    const a = browser(t.app);
    await a.signIn(asker.email);
    expect(await (await a.get('/')).text()).toContain('id="recommend-title"'); // a coordinator's home shows what fits their hub
    const peerPage = await (await a.get(`/hubs/${peer.id}`)).text();
    expect(peerPage).toContain('action="/exchanges"');
    expect(await (await a.get(`/hubs/${mine.id}`)).text()).not.toContain('action="/exchanges"'); // not to oneself

    const sent = await a.post('/exchanges', { fromHubId: mine.id, toHubId: peer.id, message: 'How do you train your <b>operators</b>?' });
    expect(sent.status).toBe(303);
    const path = sent.headers.get('location')!.split('?')[0]!;
    expect((await a.post('/exchanges', { fromHubId: mine.id, toHubId: peer.id, message: 'Again' })).status).toBe(409);
    expect((await a.post('/exchanges', { fromHubId: mine.id, toHubId: mine.id, message: 'Me' })).status).toBe(422);

    const b = browser(t.app);
    await b.signIn(asked.email);
    const thread = await (await b.get(path)).text();
    expect(thread).toContain('How do you train your &lt;b&gt;operators&lt;/b&gt;?');
    expect(thread).toContain('value="accept"');
    expect((await b.post(`${path}/answer`, { answer: 'accept', message: 'With pleasure.' })).status).toBe(303);
    expect((await b.post(`${path}/messages`, { body: 'Our guide is attached to the practice.' })).status).toBe(303);
    const record = await (await b.get(`/hubs/${peer.id}/exchanges`)).text();
    expect(record).toContain(path);

    const stranger = browser(t.app);
    const { user: other } = await makeUser(t.ctx, 'coordinator', [(await makeHub(t.ctx)).id]);
    await stranger.signIn(other.email);
    expect((await stranger.get(path)).status).toBe(404);
    expect((await stranger.get(`/hubs/${peer.id}/exchanges`)).status).toBe(403);
  });

  it('offers to ask a practice’s authors from the practice page', async () => {
    const authors = await makeHub(t.ctx);
    const mine = await makeHub(t.ctx);
    const p = await makePractice(t.ctx, { hubIds: [authors.id] });
    const { user } = await makeUser(t.ctx, 'coordinator', [mine.id]);
    const b = browser(t.app);
    await b.signIn(user.email);
    expect(await (await b.get(`/practices/${p.id}`)).text()).toContain(`name="practiceId" value="${p.id}"`);
    const sent = await b.post('/exchanges', { fromHubId: mine.id, practiceId: p.id, message: 'Can we adapt this?' });
    expect(sent.status).toBe(303);
    expect(await (await t.app.request(`/practices/${p.id}`)).text()).not.toContain('action="/exchanges"'); // anonymous
  });
});
