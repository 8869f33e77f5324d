import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { draftDocument } from '../../../domain/action-plan/action-plan.service.js';
import { sectionsFromChoices, type SectionChoice } from '../../../domain/action-plan/draft-sections.js';
import { canDraftPlan } from '../../../domain/accounts/permissions.js';
import { listOrganisations } from '../../../domain/accounts/accounts.service.js';
import { listConsultations } from '../../../domain/consultation/consultation-list.service.js';
import { listStatements } from '../../../domain/consultation/statements.service.js';
import { DomainError, forbidden } from '../../../domain/errors.js';
import { getProcess } from '../../../domain/process/process.service.js';
import type { Process } from '../../../domain/process/process.js';
import { str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import { ConsultationChoice, DraftForm, type DraftFormValues } from '../../views/plan-forms.js';
import { signInFirst } from './alerts-shared.js';
import { render, seeOther } from './page.js';
import { allows, ID } from './plan.js';

type Shown = { values?: DraftFormValues; errors?: Record<string, string>; message?: string; status?: ContentfulStatusCode };

/** The process (drafters only) and the consultations linked to it, the only ones the page offers. */
async function drafting(c: Context<WebEnv>) {
  const ctx = c.get('ctx');
  const process = await getProcess(ctx, c.req.param('id'));
  if (!canDraftPlan(c.get('actor'))) throw forbidden('plan.drafters_only');
  const linked = (await listConsultations(ctx, { limit: 500 })).filter((x) => x.processId === process.id);
  return { process, linked };
}

function frame(c: Context<WebEnv>, process: Process, shown: Shown, body: Child) {
  const t = c.get('t');
  return render(c, t('plan.draft_title'), (
    <>
      <p><a href={`/processes/${process.id}/plan`}>{t('plan.back')}</a></p>
      <h1>{t('plan.draft_title')}</h1>
      {shown.message && <p class="errors" role="alert">{shown.message}</p>}
      {body}
    </>
  ), shown.status ?? 200);
}

/**
 * Drafting without JavaScript, in two steps: choose one of the process's consultations (a GET form), then
 * the document built from its accepted statements. Each step says plainly why it cannot go on.
 */
async function draftPage(c: Context<WebEnv>, consultationId: string | undefined, shown: Shown = {}) {
  const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
  const { process, linked } = await drafting(c);
  const action = `/processes/${process.id}/plan/new`;
  if (!allows(process, 'amendments')) return frame(c, process, shown, <p class="notice">{t('plan.draft_closed')}</p>);
  if (linked.length === 0) return frame(c, process, shown, <p class="notice">{t('plan.no_linked_consultation')}</p>);
  const consultation = linked.find((x) => x.id === consultationId);
  if (!consultation) {
    const error = consultationId ? t('plan.consultation_not_linked') : undefined;
    return frame(c, process, shown, (
      <>
        <p>{t('plan.draft_intro')}</p>
        <ConsultationChoice t={t} locale={locale} action={action} consultations={linked} chosen="" error={error} />
      </>
    ));
  }
  const title = pickText(consultation.texts, locale, consultation.originalLanguage);
  const statements = await listStatements(ctx, null, consultation.id, { lang: locale });
  const intro = (
    <p>
      {t('plan.draft_from')} <cite lang={title.lang} dir={title.dir}>{title.text.title}</cite>
      {linked.length > 1 && <> · <a href={action}>{t('plan.other_consultation')}</a></>}
    </p>
  );
  if (statements.length === 0) return frame(c, process, shown, <>{intro}<p class="notice">{t('plan.no_accepted_statements')}</p></>);
  const values = shown.values ?? { consultationId: consultation.id, kind: 'action_plan', originalLanguage: consultation.originalLanguage, title: '', preamble: '', sections: {}, owners: {} };
  const organisations = await listOrganisations(ctx);
  return frame(c, process, shown, (
    <>
      {intro}
      <DraftForm t={t} locale={locale} csrfToken={c.get('csrfToken')} action={action} values={values} errors={shown.errors ?? {}} statements={statements} organisations={organisations} />
    </>
  ));
}

/** Where a service field error goes on the form: statement selects, owner selects or the fieldsets. */
function formField(key: string, code: string, sections: SectionChoice[], listed: Set<string>): string {
  if (key.startsWith('texts')) return key.endsWith('.preamble') ? 'preamble' : key.endsWith('.title') ? 'title' : 'originalLanguage';
  if (key === 'sections') return code === 'validation.unknown_organisation' ? 'owners' : 'statements';
  const m = /^sections\.(\d+)\.(statementIds|ownerOrganisationId)(?:\.(\d+))?$/.exec(key);
  const section = m ? sections[Number(m[1])] : undefined;
  if (m?.[2] === 'ownerOrganisationId' && section) return `owner.${section.number}`;
  const statementId = m?.[3] !== undefined ? section?.statementIds[Number(m[3])] : undefined;
  if (statementId && listed.has(statementId)) return `section.${statementId}`;
  return key.startsWith('sections') ? 'statements' : key;
}

export const planNewRoutes = new Hono<WebEnv>()
  .use(`/processes/${ID}/plan/new`, signInFirst)
  .get(`/processes/${ID}/plan/new`, (c) => draftPage(c, c.req.query('consultation') || undefined))
  .post(`/processes/${ID}/plan/new`, async (c) => {
    const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
    const { process, linked } = await drafting(c);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const consultationId = str(body, 'consultationId');
    if (!linked.some((x) => x.id === consultationId)) return draftPage(c, undefined, { message: t('plan.consultation_not_linked'), status: 422 });
    const pairs = (prefix: string) => Object.keys(body).filter((k) => k.startsWith(prefix)).map((k) => [k.slice(prefix.length), str(body, k)] as const);
    const values: DraftFormValues = {
      consultationId, kind: str(body, 'kind'), originalLanguage: str(body, 'originalLanguage'), title: str(body, 'title'), preamble: str(body, 'preamble'),
      sections: Object.fromEntries(pairs('section.')), owners: Object.fromEntries(pairs('owner.')),
    };
    // Statements in the order the page lists them; ids the page did not list come after, for the service to refuse.
    const listed = (await listStatements(ctx, null, consultationId, { lang: locale })).map((s) => s.id);
    const order = [...listed.filter((id) => id in values.sections), ...Object.keys(values.sections).filter((id) => !listed.includes(id))];
    const { sections, invalid } = sectionsFromChoices(order.map((statementId) => ({ statementId, section: values.sections[statementId]! })), values.owners);
    if (invalid.length) return draftPage(c, consultationId, { values, errors: Object.fromEntries(invalid.map((id) => [listed.includes(id) ? `section.${id}` : 'statements', 'plan.invalid_choice'])), status: 422 });
    try {
      const doc = await draftDocument(ctx, c.get('actor'), process.id, {
        kind: values.kind, originalLanguage: values.originalLanguage, consultationId,
        texts: { [values.originalLanguage]: { title: values.title, preamble: values.preamble } },
        sections: sections.map((s) => ({ statementIds: s.statementIds, ownerOrganisationId: s.ownerOrganisationId })),
      });
      return seeOther(c, `/processes/${process.id}/plan/${doc.id}`, 'plan_drafted');
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'conflict') return draftPage(c, consultationId, { values, message: t(e.message), status: 409 });
      if (e.code !== 'invalid') throw e;
      const errors: Record<string, string> = {};
      for (const [key, code] of Object.entries(e.fields)) errors[formField(key, code, sections, new Set(listed))] ??= code;
      return draftPage(c, consultationId, { values, errors, status: 422 });
    }
  });
