import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeUser } from '../../../test/factories.js';
import { getAccountability } from '../accountability/accountability.service.js';
import { importOpenData } from '../opendata/import.service.js';
import { listProcesses } from '../process/process.service.js';
import { seedDemoConsultation } from './demo-consultation.js';
import demoHubs from './demo-hubs.json' with { type: 'json' };
import demoPractices from './demo-practices.json' with { type: 'json' };
import { seedDemoProcess } from './demo-process.js';

const t = useTestContext();

describe('the demo accountability', () => {
  it('has commitments from four sectors on the demo items, progress with evidence, one overdue, a CSV batch and stories', { timeout: 90_000 }, async () => {
    await importOpenData(t.ctx, demoHubs);
    await importOpenData(t.ctx, demoPractices);
    await seedDemoConsultation(t.ctx);
    const { user } = await makeUser(t.ctx, 'admin');
    expect(await seedDemoProcess(t.ctx, user.email)).toBe(true);
    expect(await seedDemoProcess(t.ctx, user.email)).toBe(false);
    const [p] = await listProcesses(t.ctx);
    const a = await getAccountability(t.ctx, p!.id);

    expect(new Set(a.commitments.map((c) => c.organisation.sector))).toEqual(new Set(['government', 'private_sector', 'civil_society', 'international_organisation']));
    expect(a.commitments.map((c) => [c.organisation.name, c.latest])).toEqual([
      ['Demo ministry of communications', 120], ['Sahel mobile operator (demo)', 21000], ['Rural women\'s radio network (demo)', 95],
      ['Solar kiosk company (demo)', 27], ['UN development agency (demo)', 31],
    ]);
    // Only the solar kiosks missed their deadline (2005-06-30, 27 of 60 villages); the ministry met its target in time.
    expect(a.commitments.filter((c) => c.isOverdue).map((c) => c.organisation.name)).toEqual(['Solar kiosk company (demo)']);
    const byCode = Object.fromEntries(a.items.map((i) => [i.code, i]));
    expect(byCode['EW-1']!.progress).toBeCloseTo((3 * 1 + 1 * 0.42) / 4);
    expect(byCode['EW-2']!.progress).toBeCloseTo((1 * 1 + 2 * 0.475) / 3);
    expect(byCode['CN-1']).toMatchObject({ isOverdue: true, commitments: 2 });
    expect(byCode['CN-1']!.progress).toBeCloseTo((0.45 + 2 * (16 / 45)) / 3);

    const updates = a.commitments.flatMap((c) => c.updates);
    expect(updates.filter((u) => u.source === 'csv')).toHaveLength(3);
    expect(updates.filter((u) => u.evidencePractice).map((u) => u.evidencePractice!.id)).toEqual(['0d3e0000-0000-4000-9000-000000000003']);
    expect(updates.filter((u) => u.evidenceUrl).length).toBeGreaterThanOrEqual(4);
    expect(a.stories.map((s) => [s.lang, s.hub.id, s.items.length])).toEqual([
      ['ha', '0d3e0000-0000-4000-8000-000000000002', 1], ['fr', '0d3e0000-0000-4000-8000-000000000001', 1],
    ]);
    expect(a.stories[1]!.practices.map((x) => x.id)).toEqual(['0d3e0000-0000-4000-9000-000000000003']);
  });
});
