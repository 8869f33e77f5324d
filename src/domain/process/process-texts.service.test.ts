import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeUser } from '../../../test/factories.js';
import { makeProcess } from '../../../test/process-factories.js';
import { translateProcess } from './process-texts.service.js';
import { getProcess } from './process.service.js';

const t = useTestContext();

const spanish = (phaseIds: string[]) => ({
  lang: 'es',
  title: ' Plan de acción común ',
  description: 'Del inventario a la acción.',
  phases: [
    { phaseId: phaseIds[0], title: 'Inventario', description: 'Cada sector hace balance.' },
    { phaseId: phaseIds[1], title: 'Reunión de Niamey' },
    { phaseId: phaseIds[2], title: '', description: '' },
  ],
});

describe('translating a process', () => {
  it('adds a language to the process and its phases; a curator may do it; a phase left empty stays untranslated', async () => {
    const { process: p } = await makeProcess(t.ctx);
    const curator = (await makeUser(t.ctx, 'curator')).actor;
    const ids = p.phases.map((ph) => ph.id);
    const saved = await translateProcess(t.ctx, curator, p.id, spanish(ids));
    expect(saved.texts.es).toEqual({ title: 'Plan de acción común', description: 'Del inventario a la acción.' });
    expect(saved.texts.fr!.title).toBe('Plan d’action commun');
    expect(saved.phases.map((ph) => ph.texts.es?.title ?? null)).toEqual(['Inventario', 'Reunión de Niamey', null]);
    expect(saved.phases[1]!.texts.es!.description).toBe('');
  });

  it('replaces a language’s texts on a second save (upsert), removes an emptied phase text, and corrects the original', async () => {
    const { admin, process: p } = await makeProcess(t.ctx);
    const ids = p.phases.map((ph) => ph.id);
    await translateProcess(t.ctx, admin, p.id, spanish(ids));
    await translateProcess(t.ctx, admin, p.id, { lang: 'es', title: 'Plan conjunto', phases: [{ phaseId: ids[0], title: '' }, { phaseId: ids[1], title: 'Niamey' }] });
    let now = await getProcess(t.ctx, p.id);
    expect(now.texts.es).toEqual({ title: 'Plan conjunto', description: '' });
    expect(now.phases.map((ph) => ph.texts.es?.title ?? null)).toEqual([null, 'Niamey', null]);

    // The original language is edited the same way; its phases keep a title.
    await translateProcess(t.ctx, admin, p.id, { lang: 'fr', title: 'Plan d’action', description: '', phases: [{ phaseId: ids[2], title: 'Action continue' }] });
    now = await getProcess(t.ctx, p.id);
    expect(now.texts.fr!.title).toBe('Plan d’action');
    expect(now.phases.map((ph) => ph.texts.fr!.title)).toEqual(['État des lieux', 'Réunion de Niamey', 'Action continue']);
    await expect(translateProcess(t.ctx, admin, p.id, { lang: 'fr', title: 'X', phases: [{ phaseId: ids[0], title: '' }] }))
      .rejects.toMatchObject({ code: 'invalid', fields: { 'phases.0.title': 'validation.original_text_required' } });
  });

  it('refuses bad input, phases of another process, non-translators and unknown processes, writing nothing', async () => {
    const { admin, process: p } = await makeProcess(t.ctx);
    const { process: other } = await makeProcess(t.ctx);
    const ids = p.phases.map((ph) => ph.id);
    await expect(translateProcess(t.ctx, admin, p.id, { lang: 'klingon', title: '', phases: [{ phaseId: ids[0], title: '', description: 'Sans titre' }] }))
      .rejects.toMatchObject({ code: 'invalid', fields: { lang: 'validation.language', title: 'validation.required' } });
    await expect(translateProcess(t.ctx, admin, p.id, { lang: 'es', title: 'X', phases: [{ phaseId: ids[0], title: '', description: 'Sin título' }, { phaseId: ids[0], title: 'Y' }] }))
      .rejects.toMatchObject({ fields: { 'phases.0.title': 'validation.required', 'phases.1.phaseId': 'process.phase_repeated' } });
    await expect(translateProcess(t.ctx, admin, p.id, { lang: 'es', title: 'X', phases: [{ phaseId: ids[0], title: 'Y' }, { phaseId: other.phases[0]!.id, title: 'Y' }] }))
      .rejects.toMatchObject({ fields: { 'phases.1.phaseId': 'process.phase_not_in_process' } });
    await expect(translateProcess(t.ctx, admin, p.id, { lang: 'es', title: 'X', phases: [{ phaseId: 'nope', title: 'Z' }] }))
      .rejects.toMatchObject({ fields: { 'phases.0.phaseId': 'validation.invalid_id' } });
    for (const role of ['coordinator', 'delegate'] as const) {
      await expect(translateProcess(t.ctx, (await makeUser(t.ctx, role)).actor, p.id, spanish(ids))).rejects.toMatchObject({ code: 'forbidden', message: 'process.translators_only' });
    }
    await expect(translateProcess(t.ctx, null, p.id, spanish(ids))).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(translateProcess(t.ctx, admin, crypto.randomUUID(), spanish(ids))).rejects.toMatchObject({ code: 'not_found' });
    expect(Object.keys((await getProcess(t.ctx, p.id)).texts).sort()).toEqual(['en', 'fr']);
  });
});
