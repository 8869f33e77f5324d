import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canCloseConsultation, canModerateStatements, canTranslateStatement } from '../../../domain/accounts/consultation-permissions.js';
import { canLinkConsultation } from '../../../domain/accounts/permissions.js';
import { findMyParticipant, getConsultation } from '../../../domain/consultation/consultation.service.js';
import { listStatements, submitStatement } from '../../../domain/consultation/statements.service.js';
import { listMyVotes } from '../../../domain/consultation/consultation-list.service.js';
import { nextStatement } from '../../../domain/consultation/votes.service.js';
import { DomainError } from '../../../domain/errors.js';
import { getProcess } from '../../../domain/process/process.service.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import { JoinForm, LinkProcessForm, StatementForm, type Errors, type FormValues } from '../../views/consultation-forms.js';
import { ConsultationHeader, NextStatement, StatementList } from '../../views/consultation-view.js';
import { CsrfField } from '../../views/forms.js';
import { myHubOptions } from './hub-names.js';
import { render } from './page.js';
import { processOptions } from './processes-options.js';

/** A one-shot message after a consultation form (post/redirect/get), from this feature's own messages. */
export function consultationFlash(c: Context<WebEnv>): string | undefined {
  const key = c.req.query('done');
  return key && /^[a-z_]+$/.test(key) ? c.get('t')(`consultation.done_${key}`) : undefined;
}

/** `link`: the admin's process form sent back with its error. */
type FormState = { values: FormValues; errors: Errors; status: ContentfulStatusCode; link?: { value: string; errors: Errors } };

/** Who may take part: delegates for their organisation, coordinators for a hub (the domain decides in the end). */
async function joinForm(c: Context<WebEnv>, id: string) {
  const actor = c.get('actor');
  if (actor?.role === 'delegate') return <JoinForm t={c.get('t')} csrfToken={c.get('csrfToken')} id={id} hubs={[]} />;
  const hubs = actor?.role === 'coordinator' ? await myHubOptions(c, actor) : [];
  return hubs.length ? <JoinForm t={c.get('t')} csrfToken={c.get('csrfToken')} id={id} hubs={hubs} /> : null;
}

/** The consultation page: what the reader may do depends on who they are and whether it is open. */
export async function showConsultation(c: Context<WebEnv>, id: string, form: FormState = { values: {}, errors: {}, status: 200 }) {
  const { ctx, t, locale, csrfToken, actor } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale'), csrfToken: c.get('csrfToken'), actor: c.get('actor') };
  const cons = await getConsultation(ctx, id);
  const isOpen = cons.status === 'open';
  const participant = await findMyParticipant(ctx, actor, cons.id);
  const isModerator = canModerateStatements(actor);
  const list = await listStatements(ctx, actor, cons.id, { lang: locale });
  const pending = isModerator ? (await listStatements(ctx, actor, cons.id, { lang: locale, statuses: ['pending'] })).length : 0;
  const next = participant && isOpen ? await nextStatement(ctx, actor, cons.id, { lang: locale }) : undefined;
  const votes = participant ? await listMyVotes(ctx, actor, cons.id) : undefined;
  const process = cons.processId ? await getProcess(ctx, cons.processId) : null;
  const processShown = process && pickText(process.texts, locale, process.originalLanguage);
  const env = { t, locale, csrfToken };
  const title = pickText(cons.texts, locale, cons.originalLanguage).text.title;
  const body = (
    <>
      <ConsultationHeader {...env} c={cons}>
        {process && processShown && (
          <p>{t('consultation.part_of')} <a href={`/processes/${process.id}`} lang={processShown.lang} dir={processShown.dir}>{processShown.text.title}</a></p>
        )}
        <p><a href={`/consultations/${cons.id}/report`}>{t('consultation.report_link')}</a></p>
        {isModerator && <p><a href={`/consultations/${cons.id}/moderation`}>{t('consultation.pending_count', { count: pending })}</a></p>}
        {isOpen && canCloseConsultation(actor, cons) && (
          <form method="post" action={`/consultations/${cons.id}/close`}><CsrfField token={csrfToken} /><button type="submit" class="secondary">{t('consultation.close')}</button></form>
        )}
        {canLinkConsultation(actor) && (
          <LinkProcessForm t={t} csrfToken={csrfToken} id={cons.id} processes={await processOptions(c)} value={form.link?.value ?? cons.processId ?? ''} errors={form.link?.errors ?? {}} />
        )}
      </ConsultationHeader>
      {!actor && <p class="notice"><a href={`/login?next=${encodeURIComponent(`/consultations/${cons.id}`)}`}>{t('consultation.sign_in')}</a> {t('consultation.sign_in_prompt')}</p>}
      {actor && !participant && isOpen && (await joinForm(c, cons.id))}
      {next !== undefined && <NextStatement {...env} cid={cons.id} s={next} />}
      {isOpen && (participant || isModerator) && (
        <StatementForm {...env} action={`/consultations/${cons.id}/statements`} title={t('consultation.propose_title')} submit={t('consultation.propose')} values={form.values} errors={form.errors} />
      )}
      <StatementList {...env} cid={cons.id} list={list} votes={votes} canVote={!!participant && isOpen} canTranslate={(s) => canTranslateStatement(actor, s)} />
    </>
  );
  return render(c, title, body, form.status, consultationFlash(c));
}

export const consultationPageRoutes = new Hono<WebEnv>()
  .get('/consultations/:id', (c) => showConsultation(c, c.req.param('id')))
  .post('/consultations/:id/statements', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string>;
    const values = { lang: body.lang ?? '', text: body.text ?? '' };
    try {
      const s = await submitStatement(c.get('ctx'), c.get('actor'), c.req.param('id'), values);
      return c.redirect(`/consultations/${c.req.param('id')}?done=${s.status === 'accepted' ? 'added' : 'proposed'}#statements`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'invalid') throw e;
      return showConsultation(c, c.req.param('id'), { values, errors: e.fields, status: 422 });
    }
  });
