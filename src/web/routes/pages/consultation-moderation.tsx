import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canModerateStatements, canTranslateStatement } from '../../../domain/accounts/consultation-permissions.js';
import { pickText as pickStatementText } from '../../../domain/consultation/consultation.js';
import { getConsultation, signedIn } from '../../../domain/consultation/consultation.service.js';
import { findVisibleStatement, listStatements, moderateStatement, translateStatement } from '../../../domain/consultation/statements.service.js';
import { DomainError, forbidden } from '../../../domain/errors.js';
import { isRtl, languageName } from '../../../domain/taxonomy/index.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import { StatementForm, type Errors, type FormValues } from '../../views/consultation-forms.js';
import { CsrfField } from '../../views/forms.js';
import { consultationFlash } from './consultation-page.js';
import { render } from './page.js';

async function showModeration(c: Context<WebEnv>, id: string) {
  const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
  if (!canModerateStatements(signedIn(c.get('actor')))) throw forbidden();
  const cons = await getConsultation(ctx, id);
  const pending = await listStatements(ctx, c.get('actor'), cons.id, { lang: locale, statuses: ['pending'] });
  const title = t('consultation.moderation_title', { title: pickText(cons.texts, locale, cons.originalLanguage).text.title });
  return render(c, title, (
    <>
      <h1>{title}</h1>
      <p><a href={`/consultations/${cons.id}`}>{t('consultation.back')}</a></p>
      {pending.length === 0 ? <p role="status">{t('consultation.moderation_none')}</p> : (
        <ol class="cards">
          {pending.map((s) => (
            <li>
              <p id={`t-${s.id}`} lang={s.text.lang} dir={isRtl(s.text.lang) ? 'rtl' : 'ltr'}>{s.text.text}</p>
              <p class="meta">{languageName(s.text.lang, locale)}</p>
              <form method="post" action={`/statements/${s.id}/moderation`}>
                <CsrfField token={c.get('csrfToken')} />
                <div class="actions" role="group" aria-labelledby={`t-${s.id}`}>
                  <button type="submit" name="decision" value="accept">{t('consultation.accept')}</button>
                  <button type="submit" name="decision" value="reject" class="secondary">{t('consultation.reject')}</button>
                </div>
              </form>
              <p><a href={`/statements/${s.id}/translate`}>{t('consultation.translate')}</a></p>
            </li>
          ))}
        </ol>
      )}
    </>
  ), 200, consultationFlash(c));
}

async function showTranslate(c: Context<WebEnv>, values: FormValues = {}, errors: Errors = {}, status: ContentfulStatusCode = 200) {
  const { t, locale, actor } = { t: c.get('t'), locale: c.get('locale'), actor: c.get('actor') };
  const s = await findVisibleStatement(c.get('ctx'), signedIn(actor), c.req.param('id'));
  if (!canTranslateStatement(actor, s)) throw forbidden();
  const original = pickStatementText(s.texts, s.originalLanguage)!;
  const action = `/statements/${s.id}/translate`;
  return render(c, t('consultation.translate_title'), (
    <>
      <h1>{t('consultation.translate_title')}</h1>
      <p>{t('consultation.original', { lang: languageName(original.lang, locale) })}</p>
      <blockquote lang={original.lang} dir={isRtl(original.lang) ? 'rtl' : 'ltr'}>{original.text}</blockquote>
      <p class="meta">{t('consultation.versions', { langs: s.texts.map((x) => languageName(x.lang, locale)).join(', ') })}</p>
      <StatementForm t={t} locale={locale} csrfToken={c.get('csrfToken')} action={action} title={t('consultation.translation_title')} submit={t('consultation.save_translation')} values={values} errors={errors} />
      <p><a href={`/consultations/${s.consultationId}`}>{t('consultation.back')}</a></p>
    </>
  ), status);
}

export const consultationModerationRoutes = new Hono<WebEnv>()
  .get('/consultations/:id/moderation', (c) => showModeration(c, c.req.param('id')))
  .post('/statements/:id/moderation', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string | undefined>;
    await moderateStatement(c.get('ctx'), c.get('actor'), c.req.param('id'), { decision: body.decision });
    const s = await findVisibleStatement(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return c.redirect(`/consultations/${s.consultationId}/moderation?done=moderated`, 303);
  })
  .get('/statements/:id/translate', (c) => showTranslate(c))
  .post('/statements/:id/translate', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string | undefined>;
    const values = { lang: body.lang ?? '', text: body.text ?? '' };
    try {
      await translateStatement(c.get('ctx'), c.get('actor'), c.req.param('id'), values);
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== 'invalid' && e.code !== 'conflict')) throw e;
      return showTranslate(c, values, e.fields, e.code === 'conflict' ? 409 : 422);
    }
    const s = await findVisibleStatement(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return c.redirect(`/consultations/${s.consultationId}?done=translated#s-${s.id}`, 303);
  });
