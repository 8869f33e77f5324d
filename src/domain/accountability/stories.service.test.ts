import { describe, expect, it } from 'vitest';
import { stories } from '../../db/schema/index.js';
import { makeAccountabilityPlan } from '../../../test/accountability-factories.js';
import { useTestContext } from '../../../test/context.js';
import { makeHub, makePractice, makeUser, newId } from '../../../test/factories.js';
import { getAccountability } from './accountability.service.js';
import { getStoryAudio, recordStory, withdrawStory } from './stories.service.js';

const t = useTestContext();
const count = () => t.ctx.db.$count(stories);
const ogg = () => { const b = new Uint8Array(2048); b.set([0x4f, 0x67, 0x67, 0x53, 0, 2]); return b; };

async function setUp() {
  const plan = await makeAccountabilityPlan(t.ctx);
  const hub = await makeHub(t.ctx);
  const coordinator = (await makeUser(t.ctx, 'coordinator', [hub.id])).actor;
  const input = { hubId: hub.id, lang: 'fr', title: 'La radio a sauvé le troupeau', text: 'L’alerte est arrivée à temps.', itemIds: [plan.items.a1.id], practiceIds: [] as string[] };
  return { ...plan, hub, coordinator, input };
}

describe('stories', () => {
  it('are recorded by a coordinator of the hub, with links and audio, and shown on the accountability', async () => {
    const { process, coordinator, input, items, hub } = await setUp();
    const practice = await makePractice(t.ctx);
    const story = await recordStory(t.ctx, coordinator, process.id, { ...input, practiceIds: [practice.id] }, ogg());
    expect(story).toMatchObject({ hub: { id: hub.id }, lang: 'fr', title: 'La radio a sauvé le troupeau', audioType: 'audio/ogg', items: [items.a1.id], practices: [{ id: practice.id }] });
    const audio = await getStoryAudio(t.ctx, story.id);
    expect([audio.type, audio.bytes.length, audio.bytes.subarray(0, 4).toString('latin1')]).toEqual(['audio/ogg', 2048, 'OggS']);
    expect((await getAccountability(t.ctx, process.id)).stories.map((s) => s.id)).toEqual([story.id]);
    const plain = await recordStory(t.ctx, coordinator, process.id, input);
    expect(plain.audioType).toBeNull();
    await expect(getStoryAudio(t.ctx, plain.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuse audio that is too large or not audio by its bytes, whatever it claims, with nothing written', async () => {
    const { process, coordinator, input } = await setUp();
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(ogg().subarray(0, 6));
    await expect(recordStory(t.ctx, coordinator, process.id, input, big)).rejects.toMatchObject({ fields: { audio: 'story.audio_too_large:1' } });
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    await expect(recordStory(t.ctx, coordinator, process.id, input, html)).rejects.toMatchObject({ fields: { audio: 'story.audio_type' } });
    expect(await count()).toBe(0);
  });

  it('are for the hub’s coordinators and admins, linked only to this plan’s items and published practices', async () => {
    const { process, input, admin } = await setUp();
    const otherCoordinator = (await makeUser(t.ctx, 'coordinator', [(await makeHub(t.ctx)).id])).actor;
    await expect(recordStory(t.ctx, otherCoordinator, process.id, input)).rejects.toThrow('story.not_your_hub');
    await expect(recordStory(t.ctx, (await makeUser(t.ctx, 'delegate')).actor, process.id, input)).rejects.toThrow('story.not_your_hub');
    await expect(recordStory(t.ctx, null, process.id, input)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(recordStory(t.ctx, admin, process.id, { ...input, itemIds: [newId()] })).rejects.toMatchObject({ fields: { itemIds: 'accountability.unknown_item' } });
    const draft = await makePractice(t.ctx, {}, 'draft');
    await expect(recordStory(t.ctx, admin, process.id, { ...input, practiceIds: [draft.id] })).rejects.toMatchObject({ fields: { practiceIds: 'accountability.unknown_practice' } });
    await expect(recordStory(t.ctx, admin, process.id, { ...input, hubId: newId() })).rejects.toMatchObject({ fields: { hubId: 'story.unknown_hub' } });
    expect(await count()).toBe(0);
    expect((await recordStory(t.ctx, admin, process.id, input)).title).toBe(input.title);
  });
});

describe('withdrawing a story', () => {
  it('hides it and its audio; only the hub’s coordinators and admins may, and twice is the same', async () => {
    const { process, coordinator, input } = await setUp();
    const story = await recordStory(t.ctx, coordinator, process.id, input, ogg());
    const outsider = (await makeUser(t.ctx, 'coordinator', [(await makeHub(t.ctx)).id])).actor;
    await expect(withdrawStory(t.ctx, outsider, story.id)).rejects.toThrow('story.not_your_hub');
    expect((await getAccountability(t.ctx, process.id)).stories).toHaveLength(1);
    await withdrawStory(t.ctx, coordinator, story.id);
    await withdrawStory(t.ctx, coordinator, story.id);
    expect((await getAccountability(t.ctx, process.id)).stories).toEqual([]);
    await expect(getStoryAudio(t.ctx, story.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(withdrawStory(t.ctx, coordinator, newId())).rejects.toMatchObject({ code: 'not_found' });
  });
});
