import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeUser } from '../../../test/factories.js';
import { makeProcess, processInput } from '../../../test/process-factories.js';
import { DomainError } from '../errors.js';
import { assertInPhase, changePhase, createProcess, getProcess, listPhaseChanges, listProcesses } from './process.service.js';

const t = useTestContext();

async function refusal(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  const d = e as DomainError;
  return { code: d.code, message: d.message, fields: d.fields };
}

describe('creating a process', () => {
  it('stores its texts and phases in order, the first one active, open-ended last phase allowed', async () => {
    const { process: p } = await makeProcess(t.ctx);
    expect(p.status).toBe('open');
    expect(p.texts.en!.title).toBe('Joint action plan');
    expect(p.phases.map((ph) => [ph.position, ph.startsOn, ph.endsOn, ph.activities])).toEqual([
      [1, '2026-01-05', '2026-03-31', ['stocktaking']],
      [2, '2026-04-01', '2026-04-03', ['statements', 'voting']],
      [3, '2026-04-04', null, ['commitments', 'progress']],
    ]);
    expect(p.activePhaseId).toBe(p.phases[0]!.id);
    expect((await getProcess(t.ctx, p.id)).phases[2]!.texts.fr!.title).toBe('Action');
    expect((await listProcesses(t.ctx)).map((x) => x.id)).toEqual([p.id]);
  });

  it('starts at the phase asked for', async () => {
    const { process: p } = await makeProcess(t.ctx, { activePhase: 2 });
    expect(p.activePhaseId).toBe(p.phases[1]!.id);
  });

  it('is for admins only', async () => {
    const curator = (await makeUser(t.ctx, 'curator')).actor;
    expect(await refusal(createProcess(t.ctx, curator, processInput()))).toMatchObject({ code: 'forbidden', message: 'process.admins_only' });
    expect(await refusal(createProcess(t.ctx, null, processInput()))).toMatchObject({ code: 'unauthenticated' });
    expect(await listProcesses(t.ctx)).toEqual([]);
  });

  it('refuses bad dates, unknown activities, missing original texts and an active phase that does not exist', async () => {
    const admin = (await makeUser(t.ctx, 'admin')).actor;
    const base = processInput();
    const phases = structuredClone(base.phases);
    phases[0]!.endsOn = '2025-12-31';
    phases[1]!.activities = ['voting', 'dancing'];
    phases[2]!.startsOn = '2026-02-30';
    const bad = await refusal(createProcess(t.ctx, admin, { ...base, phases }));
    expect(bad.code).toBe('invalid');
    expect(bad.fields).toEqual({ 'phases.1.activities.1': 'validation.invalid_choice', 'phases.2.startsOn': 'process.invalid_day' });
    // Checks across fields run once every field is valid on its own.
    phases[1]!.activities = ['voting'];
    phases[2]!.startsOn = '2026-04-04';
    expect((await refusal(createProcess(t.ctx, admin, { ...base, phases, activePhase: 4 }))).fields)
      .toEqual({ 'phases.0.endsOn': 'process.ends_before_start', activePhase: 'validation.invalid_choice' });

    const overlapping = structuredClone(base.phases);
    overlapping[1]!.startsOn = '2026-03-30';
    overlapping[0]!.texts = { en: { title: 'Stocktake', description: '' } } as never;
    const second = await refusal(createProcess(t.ctx, admin, { ...base, phases: overlapping }));
    expect(second.fields).toMatchObject({ 'phases.1.startsOn': 'process.starts_before_previous_ends', 'phases.0.texts': 'validation.original_text_required' });
    expect((await refusal(createProcess(t.ctx, admin, { ...base, phases: [] }))).fields).toEqual({ phases: 'process.phases_required' });
    expect(await listProcesses(t.ctx)).toEqual([]);
  });
});

describe('moving to another phase', () => {
  it('records who moved it, when, from which phase to which, with the note; any phase may be chosen', async () => {
    const { admin, process: p } = await makeProcess(t.ctx);
    const [first, second, third] = p.phases;
    const moved = await changePhase(t.ctx, admin, p.id, { toPhaseId: second!.id, note: 'Bilans reçus.' });
    expect(moved.activePhaseId).toBe(second!.id);
    t.clock.advance(60_000);
    await changePhase(t.ctx, admin, p.id, { toPhaseId: first!.id });
    t.clock.advance(60_000);
    await changePhase(t.ctx, admin, p.id, { toPhaseId: third!.id });
    const history = await listPhaseChanges(t.ctx, p.id);
    expect(history.map((c) => [c.fromPhaseId, c.toPhaseId, c.note])).toEqual([
      [first!.id, second!.id, 'Bilans reçus.'],
      [second!.id, first!.id, ''],
      [first!.id, third!.id, ''],
    ]);
    expect(history[0]!.byName).toBe(admin.displayName);
    expect(history[0]!.at).toEqual(new Date('2026-06-01T10:00:00Z'));
    expect((await getProcess(t.ctx, p.id)).activePhaseId).toBe(third!.id);
  });

  it('refuses the phase already active, a phase of another process, non-admins and unknown processes, changing nothing', async () => {
    const { admin, process: p } = await makeProcess(t.ctx);
    const { process: other } = await makeProcess(t.ctx);
    expect(await refusal(changePhase(t.ctx, admin, p.id, { toPhaseId: p.phases[0]!.id }))).toMatchObject({ code: 'conflict', message: 'process.already_active' });
    expect(await refusal(changePhase(t.ctx, admin, p.id, { toPhaseId: other.phases[1]!.id })))
      .toMatchObject({ code: 'invalid', fields: { toPhaseId: 'process.phase_not_in_process' } });
    expect(await refusal(changePhase(t.ctx, admin, p.id, { toPhaseId: 'phase two' }))).toMatchObject({ code: 'invalid', fields: { toPhaseId: 'validation.invalid_id' } });
    for (const role of ['curator', 'coordinator', 'delegate'] as const) {
      const someone = (await makeUser(t.ctx, role)).actor;
      expect(await refusal(changePhase(t.ctx, someone, p.id, { toPhaseId: p.phases[1]!.id }))).toMatchObject({ code: 'forbidden', message: 'process.admins_only' });
    }
    expect(await refusal(changePhase(t.ctx, null, p.id, { toPhaseId: p.phases[1]!.id }))).toMatchObject({ code: 'unauthenticated' });
    expect(await refusal(changePhase(t.ctx, admin, crypto.randomUUID(), { toPhaseId: p.phases[1]!.id }))).toMatchObject({ code: 'not_found' });
    expect((await getProcess(t.ctx, p.id)).activePhaseId).toBe(p.phases[0]!.id);
    expect(await listPhaseChanges(t.ctx, p.id)).toEqual([]);
  });

  it('cannot point a process at another process’s phase, even past the service', async () => {
    const { process: p } = await makeProcess(t.ctx);
    const { process: other } = await makeProcess(t.ctx);
    await expect(t.ctx.db.execute(sql`update processes set active_phase_id = ${other.phases[0]!.id} where id = ${p.id}`)).rejects.toThrow();
  });
});

describe('assertInPhase', () => {
  it('lets a write through only while the active phase allows its activity, inside the caller’s transaction', async () => {
    const { admin, process: p } = await makeProcess(t.ctx);
    const active = await t.ctx.db.transaction((tx) => assertInPhase(tx, p.id, 'stocktaking'));
    expect(active.id).toBe(p.phases[0]!.id);
    const refused = await refusal(t.ctx.db.transaction((tx) => assertInPhase(tx, p.id, 'voting')));
    expect(refused).toMatchObject({ code: 'conflict', message: 'process.not_in_phase' });

    await changePhase(t.ctx, admin, p.id, { toPhaseId: p.phases[1]!.id });
    expect((await t.ctx.db.transaction((tx) => assertInPhase(tx, p.id, 'voting'))).id).toBe(p.phases[1]!.id);
    expect(await refusal(t.ctx.db.transaction((tx) => assertInPhase(tx, p.id, 'stocktaking')))).toMatchObject({ message: 'process.not_in_phase' });
    expect(await refusal(t.ctx.db.transaction((tx) => assertInPhase(tx, crypto.randomUUID(), 'voting')))).toMatchObject({ code: 'not_found' });
    expect(await refusal(t.ctx.db.transaction((tx) => assertInPhase(tx, 'nope', 'voting')))).toMatchObject({ code: 'not_found' });
  });
});
