import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeProcess } from '../../../../test/process-factories.js';
import { createConsultation } from '../../../domain/consultation/consultation.service.js';
import { changePhase } from '../../../domain/process/process.service.js';
import { consultationJsonSchema } from './consultation-representation.js';
import { processDetailJsonSchema, processListJsonSchema } from './process-representation.js';

const t = useTestContext();

describe('processes API', () => {
  it('lists processes and reads one with its phases, the active one and the history of changes', async () => {
    const { admin, process: p } = await makeProcess(t.ctx);
    await changePhase(t.ctx, admin, p.id, { toPhaseId: p.phases[1]!.id, note: 'Bilans reçus.' });

    const list = processListJsonSchema.parse(await (await t.app.request('/api/v1/processes')).json());
    expect(list.items.map((x) => x.id)).toEqual([p.id]);
    expect(list.items[0]!.phases.map((ph) => [ph.position, ph.isActive])).toEqual([[1, false], [2, true], [3, false]]);

    const res = await t.app.request(`/api/v1/processes/${p.id}`);
    expect(res.status).toBe(200);
    const detail = processDetailJsonSchema.parse(await res.json());
    expect(detail.activePhaseId).toBe(p.phases[1]!.id);
    expect(detail.texts.fr!.title).toBe('Plan d’action commun');
    expect(detail.phases[1]).toMatchObject({ startsOn: '2026-04-01', endsOn: '2026-04-03', activities: ['statements', 'voting'] });
    expect(detail.phases[2]!.endsOn).toBeNull();
    expect(detail.phaseChanges).toEqual([{ fromPhaseId: p.phases[0]!.id, toPhaseId: p.phases[1]!.id, at: '2026-06-01T10:00:00.000Z', note: 'Bilans reçus.' }]);
    expect(detail.consultations).toEqual([]);
  });

  it('includes the consultations linked to the process, newest first, with their titles', async () => {
    const { admin, process: p } = await makeProcess(t.ctx);
    const older = await createConsultation(t.ctx, admin, { originalLanguage: 'fr', text: { title: 'Priorités communes' }, processId: p.id });
    t.clock.advance(60_000);
    const newer = await createConsultation(t.ctx, admin, { originalLanguage: 'en', text: { title: 'Second round', description: 'Not in the list.' }, processId: p.id });
    await createConsultation(t.ctx, admin, { originalLanguage: 'en', text: { title: 'Elsewhere' } });
    const detail = processDetailJsonSchema.parse(await (await t.app.request(`/api/v1/processes/${p.id}`)).json());
    expect(detail.consultations).toEqual([
      { id: newer.id, status: 'open', originalLanguage: 'en', texts: { en: { title: 'Second round' } } },
      { id: older.id, status: 'open', originalLanguage: 'fr', texts: { fr: { title: 'Priorités communes' } } },
    ]);
    const one = consultationJsonSchema.parse(await (await t.app.request(`/api/v1/consultations/${older.id}`)).json());
    expect(one.processId).toBe(p.id);
  });

  it('answers 404 with a localised error for an unknown or malformed id', async () => {
    for (const id of [crypto.randomUUID(), 'nope']) {
      const res = await t.app.request(`/api/v1/processes/${id}`, { headers: { 'accept-language': 'fr' } });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
    expect(processListJsonSchema.parse(await (await t.app.request('/api/v1/processes')).json()).items).toEqual([]);
  });
});
