import { Hono } from 'hono';
import { getCommitmentView, listPlanItems } from '../../../domain/accountability/accountability.service.js';
import { rightsOn } from '../../../domain/accountability/commitments.service.js';
import { getProcess } from '../../../domain/process/process.service.js';
import type { WebEnv } from '../../env.js';
import { ChangeHistory, CommitmentFacts } from '../../views/accountability-commitment-view.js';
import { CommitmentChart, commitmentHref, commitmentTitle, IndicatorLine, Updates } from '../../views/accountability-view.js';
import { formatDate } from '../../views/labels.js';
import { accountabilityBase, CID, isPhaseOpen } from './accountability.js';
import { flashOf, render } from './page.js';
import { ID } from './stocktake.js';

/**
 * A commitment's public page: who, with whom, the indicator from baseline to target by the deadline, the items it
 * serves, its progress (bar and chart), every update with its evidence, and every change with its reason. Links
 * to the forms go to those who may use them now (the services check again).
 */
export const accountabilityCommitmentRoutes = new Hono<WebEnv>()
  .get(`/processes/${ID}/accountability/commitments/${CID}`, async (c) => {
    const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
    const process = await getProcess(ctx, c.req.param('id'));
    const cm = await getCommitmentView(ctx, c.req.param('cid'));
    if (cm.processId !== process.id) return c.notFound();
    const items = await listPlanItems(ctx, process.id);
    const { mayEdit, mayTranslate } = await rightsOn(ctx, c.get('actor'), cm);
    const isActive = cm.status === 'active';
    const href = commitmentHref(cm);
    const links = [
      isActive && mayEdit && isPhaseOpen(process, 'progress') && { href: `${href}/progress`, label: t('accountability.report_progress') },
      isActive && mayEdit && isPhaseOpen(process, 'commitments') && { href: `${href}/edit`, label: t('accountability.edit_commitment') },
      mayTranslate && { href: `${href}/translate`, label: t('accountability.translate') },
      isActive && mayEdit && (isPhaseOpen(process, 'commitments') || isPhaseOpen(process, 'progress')) && { href: `${href}/withdraw`, label: t('accountability.withdraw') },
    ].filter((l): l is { href: string; label: string } => Boolean(l));
    const title = commitmentTitle(cm, locale);
    const withdrawal = [...cm.changes].reverse().find((ch) => ch.kind === 'withdraw');
    return render(c, title.text.title, (
      <>
        <p><a href={`${accountabilityBase(process.id)}${isActive ? `#c-${cm.id}` : '#withdrawn'}`}>{t('accountability.back')}</a></p>
        <h1 lang={title.lang} dir={title.dir}>{title.text.title}</h1>
        {withdrawal && (
          <p class="notice">{t('accountability.withdrawn_notice', { date: formatDate(withdrawal.at, locale) })}{' '}
            {t('accountability.change_reason')} <span dir="auto">{withdrawal.reason}</span></p>
        )}
        {links.length > 0 && <p class="actions">{links.map((l) => <a href={l.href}>{l.label}</a>)}</p>}
        <CommitmentFacts t={t} locale={locale} c={cm} items={items} />
        <IndicatorLine t={t} locale={locale} c={cm} />
        <CommitmentChart t={t} locale={locale} c={cm} />
        <section aria-labelledby="updates">
          <h2 id="updates">{t('accountability.updates')}</h2>
          <Updates t={t} locale={locale} c={cm} />
        </section>
        <ChangeHistory t={t} locale={locale} c={cm} items={items} />
      </>
    ), 200, flashOf(c));
  });
