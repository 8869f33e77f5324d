import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canCreateConsultation } from '../../../domain/accounts/consultation-permissions.js';
import { listConsultations } from '../../../domain/consultation/consultation-list.service.js';
import { createConsultation } from '../../../domain/consultation/consultation.service.js';
import { DomainError } from '../../../domain/errors.js';
import type { WebEnv } from '../../env.js';
import { NewConsultationForm, type Errors, type FormValues } from '../../views/consultation-forms.js';
import { ConsultationList } from '../../views/consultation-list.js';
import { consultationFlash } from './consultation-page.js';
import { render } from './page.js';
import { processOptions } from './processes-options.js';

async function showList(c: Context<WebEnv>, values: FormValues = {}, errors: Errors = {}, status: ContentfulStatusCode = 200) {
  const t = c.get('t');
  const items = await listConsultations(c.get('ctx'));
  const body = (
    <>
      <h1>{t('consultation.list_title')}</h1>
      <p>{t('consultation.list_intro')}</p>
      <ConsultationList t={t} locale={c.get('locale')} items={items} />
      {canCreateConsultation(c.get('actor')) && (
        <NewConsultationForm t={t} locale={c.get('locale')} csrfToken={c.get('csrfToken')} values={values} errors={errors} processes={await processOptions(c)} />
      )}
    </>
  );
  return render(c, t('consultation.list_title'), body, status, consultationFlash(c));
}

export const consultationListRoutes = new Hono<WebEnv>()
  .get('/consultations', (c) => showList(c))
  .post('/consultations', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string | undefined>;
    const values = {
      originalLanguage: body.originalLanguage ?? '', 'text.title': body['text.title'] ?? '', 'text.description': body['text.description'] ?? '', processId: body.processId ?? '',
    };
    try {
      const created = await createConsultation(c.get('ctx'), c.get('actor'), {
        originalLanguage: values.originalLanguage, text: { title: values['text.title'], description: values['text.description'] }, processId: values.processId || null,
      });
      return c.redirect(`/consultations/${created.id}?done=created`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'invalid') throw e;
      return showList(c, values, e.fields, 422);
    }
  });
