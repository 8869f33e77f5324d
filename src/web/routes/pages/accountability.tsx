import { Hono, type Context } from 'hono';
import type { Activity } from '../../../domain/process/phases.js';
import { canInPhase } from '../../../domain/process/phases.js';
import type { Process } from '../../../domain/process/process.js';
import { getProcess } from '../../../domain/process/process.service.js';
import { getAccountability, getProgressDocument, mayReportOn, organisationsFor } from '../../../domain/accountability/accountability.service.js';
import { getStoryAudio, hubsFor, withdrawStory } from '../../../domain/accountability/stories.service.js';
import { canRecordStory } from '../../../domain/accounts/permissions.js';
import { contentDisposition } from '../../../lib/content-disposition.js';
import type { WebEnv } from '../../env.js';
import { CommitmentList, OverdueList, ProgressSummary, WithdrawnList } from '../../views/accountability-view.js';
import { pickText } from '../../views/content.js';
import { StoryList } from '../../views/story-view.js';
import { signInFirst } from './alerts-shared.js';
import { flashOf, render, seeOther } from './page.js';
import { ID } from './stocktake.js';

export const SID = ':sid{[0-9a-fA-F-]{36}}';
export const CID = ':cid{[0-9a-fA-F-]{36}}';
export const UID = ':uid{[0-9a-fA-F-]{36}}';

/** Whether the active phase allows the activity (the page offers the form; the service decides). */
export const isPhaseOpen = (process: Process, activity: Activity) => {
  const phase = process.phases.find((p) => p.id === process.activePhaseId);
  return Boolean(phase && canInPhase(phase, activity));
};

export const accountabilityBase = (processId: string) => `/processes/${processId}/accountability`;

/** The links to forms this reader may use now. */
async function actionsOf(c: Context<WebEnv>, process: Process) {
  const ctx = c.get('ctx');
  const hasOrganisation = (await organisationsFor(ctx, c.get('actor'))).length > 0;
  return {
    canCommit: hasOrganisation && isPhaseOpen(process, 'commitments'),
    canImport: hasOrganisation && isPhaseOpen(process, 'progress'),
    hasOrganisation,
    canTell: (await hubsFor(ctx, c.get('actor'))).length > 0,
  };
}

export const accountabilityRoutes = new Hono<WebEnv>()
  .get(`/processes/${ID}/accountability`, async (c) => {
    const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
    const process = await getProcess(ctx, c.req.param('id'));
    const a = await getAccountability(ctx, process.id);
    const base = accountabilityBase(process.id);
    const title = pickText(process.texts, locale, process.originalLanguage);
    const { canCommit, canImport, canTell, hasOrganisation } = await actionsOf(c, process);
    const isProgressOpen = isPhaseOpen(process, 'progress');
    const reportable = new Set<string>();
    if (isProgressOpen) for (const cm of a.commitments) if (cm.status === 'active' && await mayReportOn(ctx, c.get('actor'), cm)) reportable.add(cm.id);
    return render(c, t('accountability.title'), (
      <>
        <p><a href={`/processes/${process.id}`} lang={title.lang} dir={title.dir}>{title.text.title}</a></p>
        <h1>{t('accountability.title')}</h1>
        <p>{t('accountability.intro')}</p>
        {(canCommit || canImport || canTell || hasOrganisation) && (
          <p class="actions">
            {canCommit && <a href={`${base}/commitments/new`}>{t('accountability.new_commitment')}</a>}{' '}
            {canImport && <a href={`${base}/import`}>{t('accountability.import_title')}</a>}{' '}
            {hasOrganisation && <a href={`${base}/imports`}>{t('accountability.imports_link')}</a>}{' '}
            {canTell && <a href={`${base}/stories/new`}>{t('story.new')}</a>}
          </p>
        )}
        <ProgressSummary t={t} locale={locale} a={a} />
        <OverdueList t={t} locale={locale} commitments={a.commitments} />
        <CommitmentList t={t} locale={locale} commitments={a.commitments} items={a.items}
          reportHref={(cm) => (reportable.has(cm.id) ? `${base}/commitments/${cm.id}/progress` : null)} />
        <WithdrawnList t={t} locale={locale} commitments={a.commitments} />
        <StoryList t={t} locale={locale} stories={a.stories} items={a.items} processId={process.id} csrfToken={c.get('csrfToken')} mayWithdraw={(s) => canRecordStory(c.get('actor'), s.hub.id)} />
      </>
    ), 200, flashOf(c));
  })
  .use(`/processes/${ID}/accountability/stories/${SID}/withdraw`, signInFirst)
  .post(`/processes/${ID}/accountability/stories/${SID}/withdraw`, async (c) => {
    const { processId } = await withdrawStory(c.get('ctx'), c.get('actor'), c.req.param('sid'));
    return seeOther(c, `${accountabilityBase(processId)}#stories`, 'story_withdrawn');
  })
  // The type stored is the one the file's first bytes showed when it was recorded; nosniff keeps browsers to it.
  .get(`/processes/${ID}/accountability/stories/${SID}/audio`, async (c) => {
    const audio = await getStoryAudio(c.get('ctx'), c.req.param('sid'));
    c.header('Content-Type', audio.type);
    c.header('Content-Length', String(audio.bytes.length));
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Disposition', 'inline');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(new Uint8Array(audio.bytes));
  })
  /*
   * An update's document, public like the update (a withdrawn commitment's too). Its type is the one its first
   * bytes showed when it was sent; nosniff keeps browsers to it, and `sandbox` keeps a PDF or image opened from
   * here from running anything with this site's rights. Sent as an attachment: a file, not a page of the site.
   * Never changed once written, so its SHA-256 is its ETag.
   */
  .get(`/processes/${ID}/accountability/updates/${UID}/document`, async (c) => {
    const doc = await getProgressDocument(c.get('ctx'), c.req.param('id'), c.req.param('uid'));
    const etag = `"${doc.sha256}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('X-Content-Type-Options', 'nosniff');
    if ((c.req.header('If-None-Match') ?? '').split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return c.body(null, 304);
    c.header('Content-Type', doc.type);
    c.header('Content-Length', String(doc.bytes.length));
    c.header('Content-Disposition', contentDisposition('attachment', doc.name));
    c.header('Content-Security-Policy', 'sandbox');
    return c.body(new Uint8Array(doc.bytes));
  });
