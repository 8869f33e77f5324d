import { Hono } from 'hono';
import { activeAlertsAtom } from '../../../domain/alerts/alert-cap.service.js';
import { canAuthorAlert } from '../../../domain/alerts/alert-permissions.js';
import { activeAlerts, listAlerts } from '../../../domain/alerts/alerts.service.js';
import type { WebEnv } from '../../env.js';
import { ActiveAlerts, AlertTable } from '../../views/alerts-view.js';
import { Pager } from '../../views/practice-card.js';
import { pageOf } from './admin-subscribers-shared.js';
import { viewEnvOf } from './alerts-shared.js';
import { flashOf, render } from './page.js';

const PER_PAGE = 30;

/**
 * Alerts in force, for everyone, newest first. Alert authorities also see every alert with its status
 * (pending, approved, rejected) and the ways to write or import one.
 */
export const alertListRoutes = new Hono<WebEnv>()
  .get('/alerts', async (c) => {
    const t = c.get('t');
    const ctx = c.get('ctx');
    const actor = c.get('actor');
    const active = await activeAlerts(ctx);
    const all = canAuthorAlert(actor) ? await listAlerts(ctx, actor, { page: pageOf(c), perPage: PER_PAGE }) : null;
    const env = await viewEnvOf(c, [...active, ...(all?.items ?? [])]);
    return render(c, t('alerts.title'), (
      <>
        <h1>{t('alerts.title')}</h1>
        <p>{t('alerts.intro')}</p>
        {all && (
          <p class="actions">
            <a class="button" href="/alerts/new">{t('alerts.new_title')}</a>
            <a class="button secondary" href="/alerts/import">{t('alerts.import_title')}</a>
          </p>
        )}
        <section aria-labelledby="active">
          <h2 id="active">{t('alerts.active')}</h2>
          <ActiveAlerts env={env} alerts={active} />
          <p><a href="/alerts/feed.atom" type="application/atom+xml">{t('alerts.feed')}</a></p>
        </section>
        {all && (
          <section aria-labelledby="all">
            <h2 id="all">{t('alerts.all')}</h2>
            {all.total === 0 ? <p>{t('alerts.none')}</p> : <AlertTable env={env} alerts={all.items} />}
            <Pager t={t} page={all.page} perPage={all.perPage} total={all.total} href={(p) => `/alerts?page=${p}`} />
          </section>
        )}
      </>
    ), 200, flashOf(c));
  })
  // The CAP feed of alerts in force (Atom, each entry linking to the alert's CAP file). Public.
  .get('/alerts/feed.atom', async (c) => {
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    // Not "public": the CSRF middleware may set a cookie on this response, which shared caches must not keep.
    c.header('Cache-Control', 'private, max-age=60');
    return c.body(await activeAlertsAtom(c.get('ctx'), c.get('locale')));
  });
