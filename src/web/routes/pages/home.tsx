import { Hono } from 'hono';
import { countHubs } from '../../../domain/hubs/hubs.service.js';
import { communitiesLikeYours } from '../../../domain/matching/matching.service.js';
import { QUERY_MAX } from '../../../domain/search/search.js';
import { listPractices, moderationQueue } from '../../../domain/practices/practices.service.js';
import type { WebEnv } from '../../env.js';
import { Pager, PracticeCard } from '../../views/practice-card.js';
import { pickText } from '../../views/content.js';
import { Recommendations } from '../../views/recommendations.js';
import { flashOf, render } from './page.js';

export const homeRoutes = new Hono<WebEnv>()
  .get('/', async (c) => {
    const t = c.get('t');
    const ctx = c.get('ctx');
    const actor = c.get('actor');
    const latest = await listPractices(ctx, actor, { perPage: 5 });
    const hubs = await countHubs(ctx);
    // A coordinator sees, first, what fits the hub they run (their first one; each hub page has the rest).
    const myHub = actor?.role === 'coordinator' ? actor.hubIds[0] : undefined;
    const forMe = myHub ? await communitiesLikeYours(ctx, actor, myHub, { practices: 3, peers: 3 }) : null;
    return render(c, t('home.title'), (
      <>
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <form method="get" action="/search" role="search">
          <label for="home-q">{t('home.search_label')}</label>{' '}
          <input id="home-q" type="search" name="q" maxlength={QUERY_MAX} />{' '}
          <button type="submit">{t('home.search')}</button>
        </form>
        <p>{t('home.counts', { practices: latest.total, hubs })}</p>
        {forMe && myHub && (
          <>
            <Recommendations t={t} locale={c.get('locale')} practices={forMe.practices} peers={forMe.peers} />
            <p><a href={`/hubs/${myHub}`}>{t('recommend.for_your_hub', { name: pickText(forMe.hub.texts, c.get('locale'), forMe.hub.originalLanguage).text.name })}</a></p>
          </>
        )}
        <h2>{t('home.latest')}</h2>
        <ul class="cards">{latest.items.map((p) => <PracticeCard p={p} t={t} locale={c.get('locale')} level={3} />)}</ul>
        <p><a href="/practices">{t('home.all_practices')}</a> · <a href="/hubs">{t('home.all_hubs')}</a> · <a href="/api/v1/export.json">{t('home.open_data')}</a></p>
      </>
    ), 200, flashOf(c));
  })
  .get('/moderation', async (c) => {
    const t = c.get('t');
    const query = c.req.query();
    const queue = await moderationQueue(c.get('ctx'), c.get('actor'), query);
    const href = (page: number) => `/moderation?page=${page}`;
    return render(c, t('moderation.title'), (
      <>
        <h1>{t('moderation.title')}</h1>
        <p role="status">{t('moderation.count', { count: queue.total })}</p>
        <ul class="cards">{queue.items.map((p) => <PracticeCard p={p} t={t} locale={c.get('locale')} showStatus level={2} />)}</ul>
        <Pager t={t} page={queue.page} perPage={queue.perPage} total={queue.total} href={href} />
      </>
    ));
  });
