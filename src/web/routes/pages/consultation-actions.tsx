import { Hono, type Context } from 'hono';
import { closeConsultation, joinConsultation, linkConsultation } from '../../../domain/consultation/consultation.service.js';
import { castVote } from '../../../domain/consultation/votes.service.js';
import { DomainError } from '../../../domain/errors.js';
import type { WebEnv } from '../../env.js';
import { STATUS_OF } from '../../errors.js';
import { translateFieldError } from '../../i18n/i18n.js';
import { showConsultation } from './consultation-page.js';
import { render } from './page.js';

/**
 * A refused vote, join or close: the domain's own reason ("this consultation is closed") rather than a
 * generic error page, with its status and a way back. Signing in is left to the error page's link.
 */
export function refusal(c: Context<WebEnv>, e: unknown, back: string) {
  if (!(e instanceof DomainError) || e.code === 'unauthenticated') throw e;
  const t = c.get('t');
  const title = t(`error.${e.code}_title`);
  const details = Object.values(e.fields).map((code) => translateFieldError(t, code));
  return render(c, title, (
    <>
      <h1>{title}</h1>
      <p class="errors" role="alert">{[t(e.message), ...details].join(' ')}</p>
      <p><a href={back}>{t('consultation.back')}</a></p>
    </>
  ), STATUS_OF[e.code]);
}

async function formOf(c: Context<WebEnv>) {
  return (await c.req.parseBody()) as Record<string, string | undefined>;
}

export const consultationActionRoutes = new Hono<WebEnv>()
  .post('/consultations/:id/participants', async (c) => {
    const id = c.req.param('id');
    const body = await formOf(c);
    try {
      await joinConsultation(c.get('ctx'), c.get('actor'), id, body.hubId ? { hubId: body.hubId } : {});
      return c.redirect(`/consultations/${id}?done=joined#next`, 303);
    } catch (e) {
      return refusal(c, e, `/consultations/${id}`);
    }
  })
  .post('/consultations/:id/votes', async (c) => {
    const id = c.req.param('id');
    const body = await formOf(c);
    try {
      const v = await castVote(c.get('ctx'), c.get('actor'), id, { statementId: body.statementId, vote: body.vote, lang: body.lang });
      // Back to where the vote was cast: the next statement, or the same statement in the list.
      return c.redirect(`/consultations/${id}?done=voted${body.back === 'list' ? `#s-${v.statementId}` : '#next'}`, 303);
    } catch (e) {
      return refusal(c, e, `/consultations/${id}`);
    }
  })
  .post('/consultations/:id/process', async (c) => {
    const id = c.req.param('id');
    const value = (await formOf(c)).processId ?? '';
    try {
      await linkConsultation(c.get('ctx'), c.get('actor'), id, { processId: value || null });
      return c.redirect(`/consultations/${id}?done=linked`, 303);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'invalid') return showConsultation(c, id, { values: {}, errors: {}, status: 422, link: { value, errors: e.fields } });
      return refusal(c, e, `/consultations/${id}`);
    }
  })
  .post('/consultations/:id/close', async (c) => {
    const id = c.req.param('id');
    try {
      await closeConsultation(c.get('ctx'), c.get('actor'), id);
      return c.redirect(`/consultations/${id}?done=closed`, 303);
    } catch (e) {
      return refusal(c, e, `/consultations/${id}`);
    }
  });
