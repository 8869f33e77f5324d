import { Hono, type Context } from 'hono';
import { normalisePhone } from '../../../domain/subscribers/phone.js';
import {
  countSubscribers, describeSubscribers, exportSubscriber, listSubscribers, type SubscriberCounts,
} from '../../../domain/subscribers/subscriber-admin.service.js';
import type { Subscriber } from '../../../domain/subscribers/subscribers.js';
import type { WebEnv } from '../../env.js';
import { areasNamed } from '../../views/admin-subscribers-labels.js';
import { Counts, Masked, Msg, Phone, SubscriberTable, type SubscriberRow, type ViewEnv } from '../../views/admin-subscribers-view.js';
import { Select, TextField } from '../../views/forms.js';
import { countryOptions } from '../../views/labels.js';
import { Pager } from '../../views/practice-card.js';
import { fieldsOf, pageOf, placeNamesOf, signInFirst } from './admin-subscribers-shared.js';
import { flashOf, render } from './page.js';

const PER_PAGE = 50;
// What a forget leaves in the address for the notice: only a masked number ('+227 •••• 3456').
const MASKED = /^\+\d{1,3} ••••( \d{4})?$/;

type Search = { number: string; country: string; e164?: string; found?: SubscriberRow | null; isBlocked?: boolean; error?: string };

/** The search by number: normalised as the SMS side does, so "+227 90 12 34 56", "0022790123456" and "90123456" in Niger meet. */
async function searchOf(c: Context<WebEnv>): Promise<Search | null> {
  const number = (c.req.query('number') ?? '').trim();
  const country = c.req.query('country') ?? '';
  if (!number) return null;
  let e164: string;
  try {
    e164 = normalisePhone(number, country || undefined);
  } catch (e) {
    return { number, country, error: fieldsOf(e).phone ?? 'subscribers.invalid_phone' };
  }
  const held = await exportSubscriber(c.get('ctx'), c.get('actor'), e164);
  const found = held.subscriber ? { ...held.subscriber, subscriptions: held.subscriptions, isBlocked: held.block !== null } : null;
  return { number, country, e164, found, isBlocked: held.block !== null };
}

async function rowsOf(c: Context<WebEnv>, subscribers: Subscriber[]): Promise<SubscriberRow[]> {
  const { subscriptions, blocked } = await describeSubscribers(c.get('ctx'), c.get('actor'), subscribers);
  return subscribers.map((s) => ({ ...s, subscriptions: subscriptions.get(s.id) ?? [], isBlocked: blocked.has(s.phone) }));
}

function SearchForm(props: { c: Context<WebEnv>; search: Search | null }) {
  const t = props.c.get('t');
  const errors: Record<string, string> = props.search?.error ? { number: props.search.error } : {};
  const f = { t, errors };
  return (
    <form class="filters" method="get" action="/admin/subscribers" role="search" aria-label={t('subscribers.search')}>
      <TextField f={f} name="number" label={t('subscribers.search_number')} value={props.search?.number} hint={t('subscribers.search_hint')} autocomplete="off" maxlength={64} dir="ltr" />
      <Select f={f} name="country" label={t('subscribers.country')} value={props.search?.country} options={countryOptions(props.c.get('locale'))} empty={t('form.not_stated')} />
      <div class="field"><button type="submit">{t('subscribers.search_submit')}</button></div>
    </form>
  );
}

function SearchResult(props: { env: ViewEnv; search: Search & { e164: string } }) {
  const { t } = props.env;
  const { search } = props;
  const number = <Phone e164={search.e164} />;
  return (
    <section aria-labelledby="result">
      {search.found ? (
        <>
          <h2 id="result"><Msg t={t} k="subscribers.search_result" slots={{ number }} /></h2>
          <SubscriberTable env={props.env} rows={[search.found]} label={t('subscribers.search_number')} />
        </>
      ) : (
        <>
          <h2 id="result" class="visually-hidden">{t('subscribers.search')}</h2>
          <p class="notice"><Msg t={t} k="subscribers.search_none" slots={{ number }} /></p>
        </>
      )}
      {search.isBlocked && <p>{t('subscribers.search_blocked')} <a href="/admin/blocked-numbers">{t('subscribers.blocked_title')}</a></p>}
      <p><a href="/admin/subscribers">{t('subscribers.show_all')}</a></p>
    </section>
  );
}

/** Subscribers for administrators: counts, a search by number, and a paged table with numbers in full. */
async function listPage(c: Context<WebEnv>) {
  const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
  const counts: SubscriberCounts = await countSubscribers(c.get('ctx'), c.get('actor')); // forbidden for anyone but an admin
  const search = await searchOf(c);
  const showList = !search?.e164;
  const page = showList ? await listSubscribers(c.get('ctx'), c.get('actor'), { page: pageOf(c), perPage: PER_PAGE }) : null;
  const rows = page ? await rowsOf(c, page.items) : [];
  const env: ViewEnv = { t, locale, names: await placeNamesOf(c, areasNamed([...rows, ...(search?.found ? [search.found] : [])].flatMap((r) => r.subscriptions))) };
  const forgotten = c.req.query('forgotten');
  return render(c, t('subscribers.title'), (
    <>
      {forgotten && MASKED.test(forgotten) && <p class="flash" role="status"><Msg t={t} k="subscribers.forgotten" slots={{ number: <Masked text={forgotten} /> }} /></p>}
      <h1>{t('subscribers.title')}</h1>
      <p>{t('subscribers.intro')}</p>
      <Counts env={env} counts={counts} />
      <p><a href="/admin/blocked-numbers">{t('subscribers.blocked_title')}</a></p>
      <h2>{t('subscribers.search')}</h2>
      <SearchForm c={c} search={search} />
      {search?.e164 && <SearchResult env={env} search={{ ...search, e164: search.e164 }} />}
      {page && (
        <section aria-labelledby="all">
          <h2 id="all">{t('subscribers.back')}</h2>
          {page.total === 0 ? <p>{t('subscribers.none')}</p> : <SubscriberTable env={env} rows={rows} label={t('subscribers.title')} />}
          <Pager t={t} page={page.page} perPage={page.perPage} total={page.total} href={(p) => `/admin/subscribers?page=${p}`} />
        </section>
      )}
    </>
  ), search?.error ? 422 : 200, flashOf(c));
}

export const adminSubscriberListRoutes = new Hono<WebEnv>()
  .use('/admin/subscribers', signInFirst)
  .get('/admin/subscribers', (c) => listPage(c));

