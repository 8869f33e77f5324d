import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { PlanDocument } from '../../../domain/action-plan/action-plan.js';
import { getDocument, getPlan, getSectionHistory } from '../../../domain/action-plan/action-plan.service.js';
import { mayDecideAmendments, myAmendmentVotes } from '../../../domain/action-plan/amendments.service.js';
import { canAdoptPlan, canDraftPlan, canProposeAmendment, canTranslatePlan } from '../../../domain/accounts/permissions.js';
import { canInPhase } from '../../../domain/process/phases.js';
import { getProcess } from '../../../domain/process/process.service.js';
import type { Process } from '../../../domain/process/process.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import { CsrfField } from '../../views/forms.js';
import type { ItemFormState } from '../../views/plan-forms.js';
import { DocumentList, DocumentStatus, documentTitle, SectionBlock, VersionList, type PlanAbilities } from '../../views/plan-view.js';
import { flashOf, render } from './page.js';

export const ID = ':id{[0-9a-fA-F-]{36}}';
export const DOC = ':doc{[0-9a-fA-F-]{36}}';
export const SID = ':sid{[0-9a-fA-F-]{36}}';

export const allows = (p: Process, activity: Parameters<typeof canInPhase>[1]) => {
  const phase = p.phases.find((ph) => ph.id === p.activePhaseId);
  return Boolean(phase && canInPhase(phase, activity));
};

/** What the reader may do on this document now; the services check it all again. */
async function abilitiesOf(c: Context<WebEnv>, process: Process, doc: PlanDocument, itemForm?: ItemFormState): Promise<PlanAbilities> {
  const actor = c.get('actor');
  const drafting = doc.status === 'drafting';
  const amendmentsOpen = drafting && allows(process, 'amendments');
  const decides = new Set<string>();
  for (const s of doc.sections) if (await mayDecideAmendments(c.get('ctx'), actor, s)) decides.add(s.id);
  const ids = doc.sections.flatMap((s) => s.amendments.map((a) => a.id));
  return {
    csrfToken: c.get('csrfToken'), amendmentsOpen, canPropose: amendmentsOpen && canProposeAmendment(actor),
    canVote: drafting && Boolean(actor) && (allows(process, 'amendments') || allows(process, 'voting')), canCount: drafting && allows(process, 'voting'),
    decides, myVotes: await myAmendmentVotes(c.get('ctx'), actor, ids),
    addsItems: amendmentsOpen && doc.kind === 'action_plan' && canDraftPlan(actor), canTranslate: canTranslatePlan(actor), itemForm,
  };
}

/** A document of the process, or not found (a document id under another process's path). */
export async function documentOf(c: Context<WebEnv>, id = c.req.param('doc')) {
  const process = await getProcess(c.get('ctx'), c.req.param('id'));
  const doc = await getDocument(c.get('ctx'), id);
  if (doc.processId !== process.id) return null;
  return { process, doc };
}

/** The document page; a refused action comes back here with its message. */
export async function showDocument(c: Context<WebEnv>, found: { process: Process; doc: PlanDocument }, message?: string, status: ContentfulStatusCode = 200, itemForm?: ItemFormState) {
  const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
  const { process, doc } = found;
  const base = `/processes/${process.id}/plan`;
  const title = documentTitle(doc, locale);
  const can = await abilitiesOf(c, process, doc, itemForm);
  return render(c, title.text.title, (
    <>
      <p><a href={base}>{t('plan.back')}</a></p>
      <div lang={title.lang} dir={title.dir}><h1>{title.text.title}</h1>{title.text.preamble && <p>{title.text.preamble}</p>}</div>
      <p>{t(`plan.kind.${doc.kind}`)} · <DocumentStatus t={t} locale={locale} doc={doc} />{can.canTranslate && <> · <a href={`${base}/${doc.id}/translate`}>{t('plan.translate_document_link')}</a></>}</p>
      {message && <p class="errors" role="alert">{message}</p>}
      {doc.status === 'adopted' ? <p class="notice">{t('plan.read_only')}</p> : !can.amendmentsOpen && <p class="notice">{t('plan.amendments_closed')}</p>}
      {doc.sections.map((s) => <SectionBlock t={t} locale={locale} doc={doc} section={s} base={base} can={can} />)}
      {doc.status === 'drafting' && canAdoptPlan(c.get('actor')) && (
        <form method="post" action={`${base}/${doc.id}/adopt`}>
          <CsrfField token={c.get('csrfToken')} />
          <p class="hint">{t('plan.adopt_hint')}</p>
          <button type="submit">{t('plan.adopt')}</button>
        </form>
      )}
    </>
  ), status, flashOf(c));
}

export const planRoutes = new Hono<WebEnv>()
  .get(`/processes/${ID}/plan`, async (c) => {
    const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
    const process = await getProcess(c.get('ctx'), c.req.param('id'));
    const docs = await getPlan(c.get('ctx'), process.id);
    const title = pickText(process.texts, locale, process.originalLanguage);
    return render(c, t('plan.title'), (
      <>
        <p><a href={`/processes/${process.id}`} lang={title.lang} dir={title.dir}>{title.text.title}</a></p>
        <h1>{t('plan.title')}</h1>
        <p>{t('plan.intro')}</p>
        {canDraftPlan(c.get('actor')) && allows(process, 'amendments') && <p><a href={`/processes/${process.id}/plan/new`}>{t('plan.draft_link')}</a></p>}
        <DocumentList t={t} locale={locale} processId={process.id} docs={docs} />
      </>
    ));
  })
  .get(`/processes/${ID}/plan/${DOC}`, async (c) => {
    const found = await documentOf(c);
    return found ? showDocument(c, found) : c.notFound();
  })
  .get(`/processes/${ID}/plan/sections/${SID}/history`, async (c) => {
    const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
    const { document: doc, versions } = await getSectionHistory(c.get('ctx'), c.req.param('sid'));
    if (doc.processId !== c.req.param('id')) return c.notFound();
    const section = doc.sections.find((s) => s.id === c.req.param('sid'))!;
    const title = documentTitle(doc, locale);
    const heading = t('plan.history_title', { n: section.position });
    return render(c, heading, (
      <>
        <p><a href={`/processes/${doc.processId}/plan/${doc.id}#section-${section.position}`} lang={title.lang} dir={title.dir}>{title.text.title}</a></p>
        <h1>{heading}</h1>
        <p>{t('plan.history_intro')}</p>
        <VersionList t={t} locale={locale} versions={versions} />
      </>
    ));
  });
