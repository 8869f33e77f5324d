import { Hono, type Context } from 'hono';
import { DomainError } from '../../../domain/errors.js';
import { answerExchange, getExchange, listHubExchanges, postExchangeMessage, requestExchange } from '../../../domain/exchanges/exchanges.service.js';
import { getPractice } from '../../../domain/practices/practices.service.js';
import type { WebEnv } from '../../env.js';
import { translateFieldError } from '../../i18n/i18n.js';
import { pickText } from '../../views/content.js';
import { ExchangeView } from '../../views/exchange-view.js';
import { formatDate } from '../../views/labels.js';
import { hubNamesOf } from './hub-names.js';
import { flashOf, render, seeOther } from './page.js';

/** A refused request or answer: the reason in words, the status that says why, and a way back. */
function refusal(c: Context<WebEnv>, e: unknown, back: string) {
  if (!(e instanceof DomainError) || (e.code !== 'invalid' && e.code !== 'conflict')) throw e;
  const t = c.get('t');
  const details = Object.values(e.fields).map((code) => translateFieldError(t, code));
  return render(c, t(e.code === 'conflict' ? 'error.conflict_title' : 'error.invalid_title'), (
    <>
      <h1>{t(e.code === 'conflict' ? 'error.conflict_title' : 'error.invalid_title')}</h1>
      <p class="errors" role="alert">{[t(e.message), ...details].join(' ')}</p>
      <p><a href={back}>{t('exchange.back')}</a></p>
    </>
  ), e.code === 'conflict' ? 409 : 422);
}

async function showExchange(c: Context<WebEnv>, id: string) {
  const e = await getExchange(c.get('ctx'), c.get('actor'), id);
  const names = await hubNamesOf(c, [e.fromHubId, e.toHubId, ...e.messages.map((m) => m.hubId)]);
  const practice = e.practiceId ? await getPractice(c.get('ctx'), c.get('actor'), e.practiceId).catch(() => null) : null;
  const practiceTitle = practice ? pickText(practice.texts, c.get('locale'), practice.originalLanguage).text.title : undefined;
  const t = c.get('t');
  const view = <ExchangeView t={t} locale={c.get('locale')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} e={e} hubNames={names} practiceTitle={practiceTitle} />;
  return render(c, t('exchange.title', { from: names[e.fromHubId] ?? '', to: names[e.toHubId] ?? '' }), view, 200, flashOf(c));
}

export const exchangeRoutes = new Hono<WebEnv>()
  .post('/exchanges', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string>;
    const input = { fromHubId: body.fromHubId, toHubId: body.toHubId || undefined, practiceId: body.practiceId || undefined, message: body.message ?? '' };
    try {
      const e = await requestExchange(c.get('ctx'), c.get('actor'), input);
      return seeOther(c, `/exchanges/${e.id}`, 'exchange_requested');
    } catch (e) {
      return refusal(c, e, input.practiceId ? `/practices/${input.practiceId}` : `/hubs/${input.toHubId ?? ''}`);
    }
  })
  .get('/exchanges/:id', (c) => showExchange(c, c.req.param('id')))
  .post('/exchanges/:id/answer', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string>;
    try {
      const e = await answerExchange(c.get('ctx'), c.get('actor'), c.req.param('id'), { answer: body.answer, message: body.message ?? '' });
      return seeOther(c, `/exchanges/${e.id}`, `exchange_${e.status}`);
    } catch (e) {
      return refusal(c, e, `/exchanges/${c.req.param('id')}`);
    }
  })
  .post('/exchanges/:id/messages', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string>;
    try {
      const e = await postExchangeMessage(c.get('ctx'), c.get('actor'), c.req.param('id'), { body: body.body ?? '' });
      return seeOther(c, `/exchanges/${e.id}`, 'exchange_message');
    } catch (e) {
      return refusal(c, e, `/exchanges/${c.req.param('id')}`);
    }
  })
  .get('/hubs/:id/exchanges', async (c) => {
    const t = c.get('t');
    const locale = c.get('locale');
    const list = await listHubExchanges(c.get('ctx'), c.get('actor'), c.req.param('id'));
    const names = await hubNamesOf(c, [c.req.param('id'), ...list.flatMap((e) => [e.fromHubId, e.toHubId])]);
    const title = t('exchange.record', { hub: names[c.req.param('id')] ?? '' });
    return render(c, title, (
      <>
        <h1>{title}</h1>
        {list.length === 0 ? <p>{t('exchange.none')}</p> : (
          <ul class="cards">
            {list.map((e) => (
              <li>
                <h2><a href={`/exchanges/${e.id}`}>{t('exchange.title', { from: names[e.fromHubId] ?? '', to: names[e.toHubId] ?? '' })}</a></h2>
                <p class="meta"><span class="status">{t(`exchange.status_${e.status}`)}</span> · <time datetime={e.createdAt.toISOString()}>{formatDate(e.createdAt, locale)}</time> · {t('exchange.messages', { count: e.messages.length })}</p>
              </li>
            ))}
          </ul>
        )}
      </>
    ));
  });
