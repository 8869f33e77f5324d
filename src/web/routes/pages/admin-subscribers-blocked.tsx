import { Hono, type Context } from 'hono';
import { normalisePhone } from '../../../domain/subscribers/phone.js';
import { blockNumber, listBlockedNumbers, unblockNumber } from '../../../domain/subscribers/subscriber-admin.service.js';
import { str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { Phone, When } from '../../views/admin-subscribers-view.js';
import { CsrfField, ErrorSummary, RequiredNote, Select, TextField } from '../../views/forms.js';
import { countryOptions } from '../../views/labels.js';
import { Pager } from '../../views/practice-card.js';
import { ScrollTable } from '../../views/scroll-table.js';
import { fieldsOf, pageOf, signInFirst } from './admin-subscribers-shared.js';
import { flashOf, render, seeOther } from './page.js';

const PER_PAGE = 50;

type Values = { phone?: string; country?: string; reason?: string };

/** The block list for administrators: numbers in full with their reasons, a form to add one, a button to take one off. */
async function blockedPage(c: Context<WebEnv>, values: Values = {}, errors: Record<string, string> = {}) {
  const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
  const page = await listBlockedNumbers(c.get('ctx'), c.get('actor'), { page: pageOf(c), perPage: PER_PAGE }); // forbidden for anyone but an admin
  const f = { t, errors };
  const labels = { phone: t('subscribers.search_number'), country: t('subscribers.country'), reason: t('subscribers.block_reason') };
  return render(c, t('subscribers.blocked_title'), (
    <>
      <p><a href="/admin/subscribers">{t('subscribers.back')}</a></p>
      <h1>{t('subscribers.blocked_title')}</h1>
      <p>{t('subscribers.blocked_intro')}</p>
      {page.total === 0 ? <p>{t('subscribers.blocked_none')}</p> : (
        <ScrollTable label={t('subscribers.blocked_title')}>
          <table>
            <thead><tr><th scope="col">{t('subscribers.number')}</th><th scope="col">{t('subscribers.block_reason')}</th><th scope="col">{t('subscribers.since')}</th><th scope="col"><span class="visually-hidden">{t('subscribers.blocked_remove')}</span></th></tr></thead>
            <tbody>
              {page.items.map((b) => (
                <tr>
                  <td><Phone e164={b.phone} /></td>
                  <td>{b.reason}</td>
                  <td><When at={b.createdAt} locale={locale} /></td>
                  <td>
                    <form method="post" action="/admin/blocked-numbers/remove" class="inline">
                      <CsrfField token={c.get('csrfToken')} />
                      <input type="hidden" name="phone" value={b.phone} />
                      <button type="submit" class="secondary">{t('subscribers.blocked_remove')}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <Pager t={t} page={page.page} perPage={page.perPage} total={page.total} href={(p) => `/admin/blocked-numbers?page=${p}`} />
      <h2>{t('subscribers.blocked_add')}</h2>
      <p class="hint">{t('subscribers.blocked_add_hint')}</p>
      <form method="post" action="/admin/blocked-numbers" novalidate>
        <CsrfField token={c.get('csrfToken')} />
        <ErrorSummary f={f} labels={labels} />
        <RequiredNote t={t} />
        <TextField f={f} name="phone" label={labels.phone} value={values.phone} required maxlength={64} autocomplete="off" hint={t('subscribers.search_hint')} dir="ltr" />
        <Select f={f} name="country" label={labels.country} value={values.country} options={countryOptions(locale)} empty={t('form.not_stated')} />
        <TextField f={f} name="reason" label={labels.reason} value={values.reason} required maxlength={500} />
        <button type="submit">{t('subscribers.block_submit')}</button>
      </form>
    </>
  ), Object.keys(errors).length ? 422 : 200, flashOf(c));
}

// The service names a bad country `defaultCountry`; the form calls it `country`.
const formFields = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k === 'defaultCountry' ? 'country' : k, v]));

// The service checks the reason before the number; a form shows both problems at once.
function phoneError(values: Values): Record<string, string> {
  try {
    normalisePhone(values.phone ?? '', values.country || undefined);
    return {};
  } catch (e) {
    return fieldsOf(e);
  }
}

export const adminBlockedNumberRoutes = new Hono<WebEnv>()
  .use('/admin/blocked-numbers', signInFirst)
  .use('/admin/blocked-numbers/*', signInFirst)
  .get('/admin/blocked-numbers', (c) => blockedPage(c))
  .post('/admin/blocked-numbers', async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const values = { phone: str(body, 'phone'), country: str(body, 'country'), reason: str(body, 'reason') };
    try {
      await blockNumber(c.get('ctx'), c.get('actor'), { phone: values.phone, defaultCountry: values.country || undefined, reason: values.reason });
      return seeOther(c, '/admin/blocked-numbers', 'number_blocked');
    } catch (e) {
      return blockedPage(c, values, { ...phoneError(values), ...formFields(fieldsOf(e)) });
    }
  })
  .post('/admin/blocked-numbers/remove', async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const removed = await unblockNumber(c.get('ctx'), c.get('actor'), { phone: str(body, 'phone') });
    return seeOther(c, '/admin/blocked-numbers', removed ? 'number_unblocked' : 'number_not_blocked');
  });
