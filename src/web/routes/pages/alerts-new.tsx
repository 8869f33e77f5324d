import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canAuthorAlert } from '../../../domain/alerts/alert-permissions.js';
import { changeAlert, createAlert, getAlert } from '../../../domain/alerts/alerts.service.js';
import { alertInputSchema, type Alert } from '../../../domain/alerts/alerts.js';
import { DomainError, forbidden } from '../../../domain/errors.js';
import { toFieldErrors } from '../../../domain/shared/validation.js';
import { alertInputOf, alertValues, alertValuesFromBody, emptyAlertValues, formErrorsOf, type AlertFormValues } from '../../forms/alert-form.js';
import { str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { AlertForm, type AlertPreview } from '../../views/alerts-form.js';
import { Headline } from '../../views/alerts-view.js';
import { hubNamesOf } from './hub-names.js';
import { headlineEnv, previewOf, resolveHubs, signInFirst } from './alerts-shared.js';
import { render, seeOther } from './page.js';

/** The form's two uses: a new alert, or an Update of an approved one. */
type Update = { kind: 'update'; previous: Alert };
type Mode = { kind: 'new' } | Update;

const actionOf = (mode: Mode) => (mode.kind === 'new' ? '/alerts/new' : `/alerts/${mode.previous.id}/update`);

async function showForm(c: Context<WebEnv>, mode: Mode, values: AlertFormValues, errors: Record<string, string> = {}, status: ContentfulStatusCode = 200, preview?: AlertPreview) {
  const t = c.get('t');
  const title = mode.kind === 'new' ? t('alerts.new_title') : t('alerts.update_title');
  const env = headlineEnv(c);
  const form = <AlertForm t={t} locale={c.get('locale')} csrfToken={c.get('csrfToken')} action={actionOf(mode)} values={values} errors={errors} preview={preview} submitLabel={t('alerts.submit')} />;
  return render(c, title, (
    <>
      <p><a href={mode.kind === 'new' ? '/alerts' : `/alerts/${mode.previous.id}`}>{t('alerts.back')}</a></p>
      <h1>{title}</h1>
      {mode.kind === 'update' && <p class="notice">{t('alerts.update_intro')} <a href={`/alerts/${mode.previous.id}`}><Headline env={env} a={mode.previous} /></a></p>}
      {form}
    </>
  ), status);
}

/** An authority's approved, not cancelled alert, to update; anything else is refused before the form. */
async function updatable(c: Context<WebEnv>): Promise<Update> {
  const previous = await getAlert(c.get('ctx'), c.get('actor'), c.req.param('id') ?? '');
  if (!canAuthorAlert(c.get('actor'))) throw forbidden();
  if (previous.status !== 'approved') throw new DomainError('conflict', 'alerts.not_approved');
  if (previous.msgType === 'Cancel') throw new DomainError('conflict', 'alerts.already_cancelled');
  return { kind: 'update', previous };
}

/**
 * One post of the form: "add a language" and "Preview" re-render it (the preview with segments and
 * audience); "Submit" validates everything at once and stores the alert, pending a second person.
 */
async function post(c: Context<WebEnv>, mode: Mode) {
  const body = (await c.req.parseBody({ all: true })) as FormBody;
  const action = str(body, 'action');
  const values = alertValuesFromBody(body, action === 'add_language');
  if (action === 'add_language') return showForm(c, mode, values);
  const hubs = await resolveHubs(c, values.hubs);
  const { input, errors } = alertInputOf(values, hubs.ids);
  if (hubs.error) errors.hubs = hubs.error;
  if (action === 'preview') {
    const areas = { countries: input.countries as string[], adminAreas: input.adminAreas as string[], hubIds: hubs.ids };
    return showForm(c, mode, values, {}, 200, await previewOf(c, values, areas, mode.kind === 'update' ? mode.previous.id : undefined));
  }
  const checked = alertInputSchema.safeParse(input);
  const all = formErrorsOf(checked.success ? {} : toFieldErrors(checked.error), values, errors);
  if (Object.keys(all).length > 0) return showForm(c, mode, values, all, 422);
  try {
    const alert = mode.kind === 'new'
      ? await createAlert(c.get('ctx'), c.get('actor'), input, 'web')
      : await changeAlert(c.get('ctx'), c.get('actor'), mode.previous.id, { msgType: 'Update', alert: input }, 'web');
    return seeOther(c, `/alerts/${alert.id}`, 'alert_created');
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'invalid') throw e;
    return showForm(c, mode, values, formErrorsOf(e.fields, values), 422);
  }
}

function authorOnly(c: Context<WebEnv>) {
  if (!canAuthorAlert(c.get('actor'))) throw forbidden();
}

export const alertFormRoutes = new Hono<WebEnv>()
  .use('/alerts/new', signInFirst)
  .get('/alerts/new', (c) => {
    authorOnly(c);
    return showForm(c, { kind: 'new' }, emptyAlertValues(c.get('locale'), c.get('ctx').clock.now()));
  })
  .post('/alerts/new', (c) => {
    authorOnly(c);
    return post(c, { kind: 'new' });
  })
  .use('/alerts/:id/update', signInFirst)
  .get('/alerts/:id/update', async (c) => {
    const mode = await updatable(c);
    return showForm(c, mode, alertValues(mode.previous, await hubNamesOf(c, mode.previous.hubIds)));
  })
  .post('/alerts/:id/update', async (c) => post(c, await updatable(c)));
