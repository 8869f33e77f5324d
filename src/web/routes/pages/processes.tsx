import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canManageProcesses, canTranslateProcess } from '../../../domain/accounts/permissions.js';
import { listConsultationsOfProcess } from '../../../domain/consultation/consultation-list.service.js';
import { DomainError } from '../../../domain/errors.js';
import { changePhase, getProcess, listPhaseChanges, listProcesses } from '../../../domain/process/process.service.js';
import { str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import { ProcessConsultations } from '../../views/process-consultations.js';
import { PhaseChangeForm, type PhaseChangeValues } from '../../views/process-forms.js';
import { PhaseHistory, PhaseList, ProcessHeader, ProcessList } from '../../views/process-view.js';
import { render } from './page.js';

const ID = ':id{[0-9a-fA-F-]{36}}';

/** A one-shot message after a phase change (post/redirect/get), from this feature's own messages. */
function processFlash(c: Context<WebEnv>): string | undefined {
  const key = c.req.query('done');
  return key && /^[a-z_]+$/.test(key) ? c.get('t')(`process.done_${key}`) : undefined;
}

type FormState = { values: PhaseChangeValues; errors: Record<string, string>; message?: string; status: ContentfulStatusCode };

/** A process: its phases, the active one marked, the history of changes, and for admins the form to move on. */
async function showProcess(c: Context<WebEnv>, form: FormState = { values: {}, errors: {}, status: 200 }) {
  const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
  const p = await getProcess(ctx, c.req.param('id'));
  const changes = await listPhaseChanges(ctx, p.id);
  const consultations = await listConsultationsOfProcess(ctx, p.id);
  const env = { t, locale };
  const body = (
    <>
      <p><a href="/processes">{t('process.back')}</a></p>
      <ProcessHeader {...env} process={p} />
      {canTranslateProcess(c.get('actor')) && <p><a href={`/processes/${p.id}/translate`}>{t('process.translate_link')}</a></p>}
      {/* A refusal that is not about a form the reader can see (they are not an admin) is still said here. */}
      {form.message && !canManageProcesses(c.get('actor')) && <p class="errors" role="alert">{form.message}</p>}
      <PhaseList {...env} process={p} />
      {canManageProcesses(c.get('actor')) && (
        <PhaseChangeForm {...env} csrfToken={c.get('csrfToken')} process={p} values={form.values} errors={form.errors} message={form.message} />
      )}
      <ProcessConsultations {...env} items={consultations} />
      <PhaseHistory {...env} process={p} changes={changes} />
    </>
  );
  return render(c, pickText(p.texts, locale, p.originalLanguage).text.title, body, form.status, processFlash(c));
}

export const processRoutes = new Hono<WebEnv>()
  .get('/processes', async (c) => {
    const t = c.get('t');
    const items = await listProcesses(c.get('ctx'));
    return render(c, t('process.list_title'), (
      <>
        <h1>{t('process.list_title')}</h1>
        <p>{t('process.list_intro')}</p>
        {canManageProcesses(c.get('actor')) && <p><a href="/processes/new">{t('process.new_link')}</a></p>}
        <ProcessList t={t} locale={c.get('locale')} items={items} />
      </>
    ));
  })
  .get(`/processes/${ID}`, (c) => showProcess(c))
  .post(`/processes/${ID}/phase`, async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const values = { toPhaseId: str(body, 'toPhaseId'), note: str(body, 'note') };
    try {
      await changePhase(c.get('ctx'), c.get('actor'), c.req.param('id'), values);
      return c.redirect(`/processes/${c.req.param('id')}?done=phase_changed`, 303);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const t = c.get('t');
      if (e.code === 'invalid') return showProcess(c, { values, errors: e.fields, status: 422 });
      if (e.code === 'conflict') return showProcess(c, { values: { note: values.note }, errors: {}, message: t(e.message), status: 409 });
      if (e.code === 'forbidden') return showProcess(c, { values: {}, errors: {}, message: t(e.message), status: 403 });
      throw e;
    }
  });
