import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeConsultation, makeDelegate, makeStatement, makeUser, newId } from '../../../test/factories.js';
import { closeConsultation, joinConsultation } from './consultation.service.js';
import { listStatements, moderateStatement, submitStatement, translateStatement } from './statements.service.js';

const t = useTestContext();

async function withDelegate() {
  const { actor: admin } = await makeUser(t.ctx, 'admin');
  const c = await makeConsultation(t.ctx, admin);
  const { actor: delegate } = await makeDelegate(t.ctx, 'civil_society');
  await joinConsultation(t.ctx, delegate, c.id);
  return { c, admin, delegate };
}

describe('submitting statements', () => {
  it('keeps a participant’s statement pending until a curator accepts it, and accepts a curator’s at once', async () => {
    const { c, delegate } = await withDelegate();
    const s = await submitStatement(t.ctx, delegate, c.id, { lang: 'fr', text: '  Chaque village devrait avoir une radio.  ' });
    expect(s).toMatchObject({ status: 'pending', originalLanguage: 'fr', text: { lang: 'fr', text: 'Chaque village devrait avoir une radio.', isOriginal: true } });
    expect(await listStatements(t.ctx, null, c.id, { lang: 'fr' })).toEqual([]);
    const { actor: curator } = await makeUser(t.ctx, 'curator');
    await expect(moderateStatement(t.ctx, delegate, s.id, { decision: 'accept' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(moderateStatement(t.ctx, curator, s.id, { decision: 'maybe' })).rejects.toMatchObject({ fields: { decision: 'validation.invalid_choice' } });
    expect((await moderateStatement(t.ctx, curator, s.id, { decision: 'accept' })).status).toBe('accepted');
    t.clock.advance(1000);
    const seeded = await submitStatement(t.ctx, curator, c.id, { lang: 'en', text: 'Radio reaches everyone.' });
    expect(seeded.status).toBe('accepted');
    expect((await listStatements(t.ctx, null, c.id, { lang: 'fr' })).map((x) => x.id)).toEqual([s.id, seeded.id]);
  });

  it('refuses empty, oversized, control-character and unknown-language statements with field keys', async () => {
    const { c, delegate } = await withDelegate();
    const bad = [
      [{ lang: 'fr', text: '   ' }, { text: 'validation.required' }],
      [{ lang: 'fr', text: 'x'.repeat(501) }, { text: 'validation.too_long:500' }],
      [{ lang: 'fr', text: 'bell\u0007' }, { text: 'validation.control_chars' }],
      [{ lang: 'xx', text: 'Hello' }, { lang: 'validation.language' }],
      [{ text: 'Hello' }, { lang: 'validation.required' }],
    ] as const;
    for (const [input, fields] of bad) {
      await expect(submitStatement(t.ctx, delegate, c.id, input)).rejects.toMatchObject({ code: 'invalid', fields });
    }
    await expect(submitStatement(t.ctx, delegate, c.id, { lang: 'fr', text: 'x'.repeat(500) })).resolves.toMatchObject({ status: 'pending' });
    expect(await listStatements(t.ctx, delegate, c.id, { lang: 'fr', statuses: ['pending'] })).toHaveLength(1);
  });

  it('refuses statements on a closed consultation, from non-participants, and on unknown consultations', async () => {
    const { c, admin, delegate } = await withDelegate();
    const { actor: outsider } = await makeDelegate(t.ctx);
    await expect(submitStatement(t.ctx, outsider, c.id, { lang: 'en', text: 'Hi' })).rejects.toMatchObject({ code: 'forbidden', message: 'error.join_first' });
    await expect(submitStatement(t.ctx, delegate, newId(), { lang: 'en', text: 'Hi' })).rejects.toMatchObject({ code: 'not_found' });
    await closeConsultation(t.ctx, admin, c.id);
    await expect(submitStatement(t.ctx, delegate, c.id, { lang: 'en', text: 'Hi' })).rejects.toMatchObject({ code: 'conflict', message: 'error.consultation_closed' });
    expect(await listStatements(t.ctx, admin, c.id, { lang: 'en', statuses: ['pending', 'accepted', 'rejected'] })).toEqual([]);
  });
});

describe('moderation and visibility', () => {
  it('shows pending and rejected statements to curators and their author only', async () => {
    const { c, delegate } = await withDelegate();
    const { actor: curator } = await makeUser(t.ctx, 'curator');
    const { actor: other } = await makeDelegate(t.ctx);
    const s = await submitStatement(t.ctx, delegate, c.id, { lang: 'en', text: 'Fees should be waived.' });
    await moderateStatement(t.ctx, curator, s.id, { decision: 'reject' });
    const all = ['pending', 'accepted', 'rejected'] as const;
    expect((await listStatements(t.ctx, curator, c.id, { lang: 'en', statuses: [...all] })).map((x) => x.status)).toEqual(['rejected']);
    expect(await listStatements(t.ctx, delegate, c.id, { lang: 'en', statuses: [...all] })).toHaveLength(1);
    expect(await listStatements(t.ctx, other, c.id, { lang: 'en', statuses: [...all] })).toEqual([]);
    await expect(translateStatement(t.ctx, other, s.id, { lang: 'fr', text: 'Gratuit.' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(moderateStatement(t.ctx, curator, newId(), { decision: 'accept' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('language versions', () => {
  it('adds translations and shows each reader their language, else the same primary language, else the original', async () => {
    const { c } = await withDelegate();
    const s = await makeStatement(t.ctx, c.id, 'Les femmes doivent gérer les cabines.', 'fr', { ha: 'Mata su kula da rumfunan waya.', 'pt-BR': 'As mulheres devem gerir.' });
    expect(s.text.lang).toBe('fr');
    const read = async (lang: string) => (await listStatements(t.ctx, null, c.id, { lang }))[0]!;
    expect((await read('ha')).text).toEqual({ lang: 'ha', text: 'Mata su kula da rumfunan waya.', isOriginal: false });
    expect((await read('pt')).text.lang).toBe('pt-BR');
    expect((await read('fr-CA')).text.lang).toBe('fr');
    expect((await read('ar')).text).toMatchObject({ lang: 'fr', isOriginal: true });
    expect((await read('ar')).languages).toEqual(['fr', 'ha', 'pt-BR']);
  });

  it('refuses a second version in one language, bad text, and translators who are neither curator nor author', async () => {
    const { c, delegate } = await withDelegate();
    const { actor: curator } = await makeUser(t.ctx, 'curator');
    const s = await makeStatement(t.ctx, c.id, 'Open data by default.', 'en');
    await expect(translateStatement(t.ctx, delegate, s.id, { lang: 'fr', text: 'Données ouvertes.' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(translateStatement(t.ctx, curator, s.id, { lang: 'en', text: 'Again.' })).rejects.toMatchObject({ code: 'conflict', fields: { lang: 'validation.translation_exists' } });
    await expect(translateStatement(t.ctx, curator, s.id, { lang: 'fr', text: '' })).rejects.toMatchObject({ code: 'invalid', fields: { text: 'validation.required' } });
    const own = await submitStatement(t.ctx, delegate, c.id, { lang: 'en', text: 'Mine.' });
    await expect(translateStatement(t.ctx, delegate, own.id, { lang: 'es', text: 'Mío.' })).resolves.toMatchObject({ languages: ['en', 'es'] });
  });
});
