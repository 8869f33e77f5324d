import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { analyzeConsultation } from '../consultation/analysis/analyze.js';
import { readConsultationData } from '../consultation/votes.service.js';
import { importOpenData } from '../opendata/import.service.js';
import { seedDemoConsultation } from './demo-consultation.js';
import demoHubs from './demo-hubs.json' with { type: 'json' };

const t = useTestContext();

describe('the demo consultation', () => {
  it('shows opinion groups, cross-sector common ground and a divergence, and is seeded once', { timeout: 60_000 }, async () => {
    await importOpenData(t.ctx, demoHubs);
    expect(await seedDemoConsultation(t.ctx)).toBe(true);
    expect(await seedDemoConsultation(t.ctx)).toBe(false);
    const [row] = ((await t.ctx.db.execute('select id from consultations')) as unknown as { rows: { id: string }[] }).rows;
    const data = await readConsultationData(t.ctx, row!.id);
    expect(new Set(data.participants.map((p) => p.sector))).toEqual(new Set(['government', 'private_sector', 'civil_society', 'international_organisation', 'hub']));
    expect(new Set(data.votes.map((v) => v.lang))).toEqual(new Set(['en', 'fr']));

    const external = new Map(data.statements.map((s) => [s.id, s.externalId]));
    const a = analyzeConsultation({
      participants: data.participants.map((p) => ({ id: p.id, sector: p.sector })),
      statements: data.statements.map((s) => ({ id: s.id })),
      votes: data.votes.map((v) => ({ participantId: v.participantId, statementId: v.statementId, value: v.value, language: v.lang })),
    }, { seed: 1, stabilityRuns: 0 });
    expect(a.status).toBe('ok');
    expect(a.k).toBeGreaterThanOrEqual(2);
    const common = a.commonGround.map((s) => external.get(s.statementId));
    expect(common).toEqual(expect.arrayContaining(['demo-s0', 'demo-s3', 'demo-s7']));
    expect(a.divergences.map((s) => external.get(s.statementId))).toEqual(expect.arrayContaining(['demo-s1', 'demo-s2']));
    expect(a.crossSector.find((s) => external.get(s.statementId) === 'demo-s13')?.status).toBe('shared_rejection');
  });
});
