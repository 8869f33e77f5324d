import { describe, expect, it } from 'vitest';
import type { Practice } from '../practices/practices.js';
import { accessTo, practiceFit } from './fit.js';
import { peerFit } from './peers.js';
import { rank } from './reasons.js';
import { isGlobalSouth, regionOf } from './regions.js';

const nigerRadio = {
  id: 'h1', themes: ['agriculture', 'disaster_risk'] as never[], internet: 'none' as const, mobile: '2g' as const, hasSms: true,
  radioName: 'Radio Gaskiya', electricity: 'solar' as const, languages: ['ha', 'fr'], communityType: 'geographic' as const, country: 'NE',
};

function practice(over: Partial<Practice>): Practice {
  const text = { title: 't', summary: 's', problem: '', context: '', approach: [], sustainabilityEconomic: '', sustainabilitySocial: '', sustainabilityCultural: '', results: [], lessons: '' };
  return {
    id: 'p', status: 'published', originalLanguage: 'en', texts: { en: text }, technologies: ['radio'], targetGroups: [], themes: ['agriculture'],
    sdgs: [], wsisActionLines: [], countries: ['KE'], languages: [], hubIds: [], licence: 'CC-BY-4.0',
    costs: { setup: null, running: null, currency: null, band: null }, version: 1, isDemo: false, createdBy: null,
    createdAt: new Date(), updatedAt: new Date(), publishedAt: new Date(), ...over,
  } as Practice;
}

describe('practice fit', () => {
  it('explains a good match in the hub’s own terms', () => {
    const p = practice({ themes: ['disaster_risk'], technologies: ['radio', 'basic_phone'], texts: { ...practice({}).texts, ha: practice({}).texts.en! } });
    const fit = practiceFit(nigerRadio, p);
    expect(fit.reasons).toEqual(expect.arrayContaining([
      { code: 'addresses_priorities', themes: ['disaster_risk'] },
      { code: 'uses_channels_you_have', technologies: ['radio', 'basic_phone'] },
      { code: 'available_in', lang: 'ha' },
    ]));
  });

  it('sinks a practice that needs broadband below one the hub can run', () => {
    const online = practice({ id: 'online', technologies: ['internet', 'smartphone'] });
    const onAir = practice({ id: 'onair', technologies: ['radio'] });
    const ranked = rank([practiceFit(nigerRadio, online), practiceFit(nigerRadio, onAir)], 10);
    expect(ranked.map((r) => r.item.id)).toEqual(['onair']);
    expect(practiceFit(nigerRadio, online).reasons).toContainEqual({ code: 'needs_channels_you_lack', technologies: ['internet'] });
  });

  it('reads the hub’s channels', () => {
    expect(accessTo(nigerRadio, 'internet')).toBe('no');
    expect(accessTo({ ...nigerRadio, internet: 'intermittent' }, 'internet')).toBe('partly');
    expect(accessTo(nigerRadio, 'print')).toBe('any');
    expect(accessTo({ ...nigerRadio, electricity: 'none' }, 'computer')).toBe('no');
  });

  it('favours practices designed for the hub’s community of interest', () => {
    const women = { ...nigerRadio, communityType: 'women' as const };
    const forWomen = practiceFit(women, practice({ targetGroups: ['women'] }));
    const general = practiceFit(women, practice({ targetGroups: ['general_public'] }));
    expect(forWomen.score).toBeGreaterThan(general.score);
  });
});

describe('peer hubs', () => {
  const peer = (over: Record<string, unknown>) => ({ ...nigerRadio, id: 'x', ...over });

  it('prefers a peer with the same challenges in another region of the South', () => {
    const nextDoor = peerFit(nigerRadio, peer({ id: 'ml', country: 'ML' }));
    const farAway = peerFit(nigerRadio, peer({ id: 'bd', country: 'BD' }));
    expect(farAway.reasons).toContainEqual({ code: 'south_south' });
    expect(farAway.score).toBeGreaterThan(nextDoor.score);
  });

  it('does not match hubs with no challenge in common', () => {
    expect(peerFit(nigerRadio, peer({ themes: ['culture'] })).score).toBe(0);
  });

  it('knows regions and the Global South', () => {
    expect(regionOf('NE')).toBe('africa');
    expect(regionOf('EG')).toBe('arab_states');
    expect(isGlobalSouth('BD')).toBe(true);
    expect(isGlobalSouth('CA')).toBe(false);
    expect(isGlobalSouth('JP')).toBe(false);
  });
});
