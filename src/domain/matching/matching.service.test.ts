import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeHub, makePractice } from '../../../test/factories.js';
import { recommendPeers, recommendPractices } from './matching.service.js';

const t = useTestContext();

describe('communities like yours', () => {
  it('ranks practices the hub can run and explains why, leaving out its own and drafts', async () => {
    const hub = await makeHub(t.ctx, { themes: ['disaster_risk'], internet: 'none', languages: ['ha'] });
    const radio = await makePractice(t.ctx, { themes: ['disaster_risk'], technologies: ['radio'], originalLanguage: 'ha' });
    const online = await makePractice(t.ctx, { themes: ['disaster_risk'], technologies: ['internet'] });
    await makePractice(t.ctx, { themes: ['disaster_risk'], technologies: ['radio'], hubIds: [hub.id] });
    await makePractice(t.ctx, { themes: ['disaster_risk'], technologies: ['radio'] }, 'draft');
    const recs = await recommendPractices(t.ctx, null, hub.id);
    expect(recs.map((r) => r.practice.id)).toEqual([radio.id, online.id]); // needing internet it lacks ranks low
    expect(recs[0]!.reasons).toContainEqual({ code: 'available_in', lang: 'ha' });
    expect(recs[1]!.reasons).toContainEqual({ code: 'needs_channels_you_lack', technologies: ['internet'] });
  });

  it('finds peers facing the same challenges, preferring another region of the South', async () => {
    const hub = await makeHub(t.ctx, { country: 'NE', themes: ['water'] });
    const sameRegion = await makeHub(t.ctx, { country: 'ML', themes: ['water'] });
    const southSouth = await makeHub(t.ctx, { country: 'BD', themes: ['water'] });
    await makeHub(t.ctx, { country: 'BD', themes: ['culture'] });
    const peers = await recommendPeers(t.ctx, null, hub.id);
    expect(peers.map((p) => p.hub.id)).toEqual([southSouth.id, sameRegion.id]);
    expect(peers[0]!.hub.contact).toBeNull(); // anonymous readers never get contact details
    await expect(recommendPeers(t.ctx, null, 'nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});
