import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeUser } from '../../../test/factories.js';
import { getAccountability, getProgressDocument } from '../accountability/accountability.service.js';
import { listProgressImports } from '../accountability/progress-import.service.js';
import { getPlan } from '../action-plan/action-plan.service.js';
import { importOpenData } from '../opendata/import.service.js';
import { listProcesses } from '../process/process.service.js';
import { seedDemoConsultation } from './demo-consultation.js';
import demoHubs from './demo-hubs.json' with { type: 'json' };
import demoPractices from './demo-practices.json' with { type: 'json' };
import { seedDemoProcess } from './demo-process.js';

const t = useTestContext();

describe('the demo accountability', () => {
  it('has the action plan adopted in Geneva, commitments from four sectors on its items, progress with evidence, one overdue, a revised target, a CSV batch and stories', { timeout: 90_000 }, async () => {
    await importOpenData(t.ctx, demoHubs);
    await importOpenData(t.ctx, demoPractices);
    await seedDemoConsultation(t.ctx);
    const { user } = await makeUser(t.ctx, 'admin');
    expect(await seedDemoProcess(t.ctx, user.email)).toBe(true);
    expect(await seedDemoProcess(t.ctx, user.email)).toBe(false);
    const [p] = await listProcesses(t.ctx);
    const a = await getAccountability(t.ctx, p!.id);

    // The last amendment to the action plan was decided at PrepCom III by counting its votes; the plan adopted on 12 December 2003.
    const [, plan] = await getPlan(t.ctx, p!.id);
    expect(plan).toMatchObject({ kind: 'action_plan', status: 'adopted', adoptedAt: new Date('2003-12-12T16:00:00Z') });
    // Without the demo accounts the admin casts the last vote named (for); with them: one for, one abstention.
    expect(plan!.sections[0]!.amendments.map((x) => [x.status, x.decidedHow, x.votes.for, x.votes.against])).toEqual([['accepted', 'vote', 1, 0]]);
    expect(plan!.sections[0]!.texts.en).toBe('Early warnings of drought, floods and locusts must reach herders and farmers by SMS and radio.');
    const planItems = new Set(plan!.sections.flatMap((s) => s.actionItems.map((i) => i.id)));
    expect(a.commitments.every((c) => c.links.every((l) => planItems.has(l.itemId)))).toBe(true);

    expect(new Set(a.commitments.map((c) => c.organisation.sector))).toEqual(new Set(['government', 'private_sector', 'civil_society', 'international_organisation']));
    expect(a.commitments.map((c) => [c.organisation.name, c.latest])).toEqual([
      ['Demo ministry of communications', 120], ['Sahel mobile operator (demo)', 21000], ['Rural women\'s radio network (demo)', 95],
      ['Solar kiosk company (demo)', 27], ['UN development agency (demo)', 31],
    ]);
    // Only the solar kiosks missed their deadline (2005-06-30, 27 of 60 villages); the ministry met its target in time.
    expect(a.commitments.filter((c) => c.isOverdue).map((c) => c.organisation.name)).toEqual(['Solar kiosk company (demo)']);
    const byCode = Object.fromEntries(a.items.map((i) => [i.code, i]));
    // The operator's target was revised from 50,000 to 40,000 subscribers, with its reason: 21,000 is now 52.5 %.
    const operator = a.commitments[1]!;
    expect([operator.status, operator.target, operator.progress]).toEqual(['active', 40000, 0.525]);
    expect(operator.changes).toMatchObject([{ kind: 'edit', before: { target: 50000 }, after: { target: 40000 }, by: { kind: 'admin' }, at: new Date('2005-09-01T10:00:00Z') }]);
    expect(operator.changes[0]!.reason).toMatch(/^The 2004 coverage survey/);
    expect(a.commitments.filter((c) => c.changes.length > 0)).toHaveLength(1);
    expect(a.commitments.every((c) => c.status === 'active')).toBe(true);
    expect(byCode['EW-1']!.progress).toBeCloseTo((3 * 1 + 1 * 0.525) / 4);
    expect(byCode['EW-2']!.progress).toBeCloseTo((1 * 1 + 2 * 0.475) / 3);
    expect(byCode['CN-1']).toMatchObject({ isOverdue: true, commitments: 2 });
    expect(byCode['CN-1']!.progress).toBeCloseTo((0.45 + 2 * (16 / 45)) / 3);

    const updates = a.commitments.flatMap((c) => c.updates);
    expect(updates.filter((u) => u.source === 'csv')).toHaveLength(3);
    expect((await listProgressImports(t.ctx, { id: user.id, role: 'admin', hubIds: [], displayName: user.displayName, locale: null }, p!.id)).map((i) => [i.fileName, i.written, i.skipped]))
      .toEqual([['demo-progress-2006-q1.csv', 3, 0]]);
    expect(updates.filter((u) => u.evidencePractice).map((u) => u.evidencePractice!.id)).toEqual(['0d3e0000-0000-4000-9000-000000000003']);
    expect(updates.filter((u) => u.evidenceUrl).length).toBeGreaterThanOrEqual(4);
    // One update carries a small PDF made at seed time, served like any document given as evidence.
    const withDocument = updates.filter((u) => u.document);
    expect(withDocument.map((u) => [u.reportedOn, u.document!.name, u.document!.type])).toEqual([['2005-03-31', 'radio-warnings-log-tillaberi.pdf', 'application/pdf']]);
    const stored = await getProgressDocument(t.ctx, p!.id, withDocument[0]!.id);
    expect(stored.bytes.length).toBeLessThan(4096);
    expect(stored.bytes.toString('latin1')).toContain('(Demo evidence: radio warnings log, Tillab\u00e9ri, 2004) Tj');
    expect(a.stories.map((s) => [s.lang, s.hub.id, s.items.length])).toEqual([
      ['ha', '0d3e0000-0000-4000-8000-000000000002', 1], ['fr', '0d3e0000-0000-4000-8000-000000000001', 1],
    ]);
    expect(a.stories[1]!.practices.map((x) => x.id)).toEqual(['0d3e0000-0000-4000-9000-000000000003']);
  });
});
