import { Hono } from 'hono';
import { answerExchange, getExchange, listHubExchanges, postExchangeMessage, requestExchange } from '../../../domain/exchanges/exchanges.service.js';
import type { WebEnv } from '../../env.js';
import { jsonBody, readBody } from './json-body.js';
import { exchangeJson } from './representation.js';
import { requireToken } from './sign-in.js';

/** Exchanges between hubs: only their coordinators (and admins) see or act on them. */
export const exchangeRoutes = new Hono<WebEnv>()
  .post('/exchanges', requireToken, jsonBody, async (c) => {
    const e = await requestExchange(c.get('ctx'), c.get('actor'), await readBody(c));
    c.header('Location', `${c.req.path}/${e.id}`);
    return c.json(exchangeJson(e), 201);
  })
  .get('/exchanges/:id', requireToken, async (c) => c.json(exchangeJson(await getExchange(c.get('ctx'), c.get('actor'), c.req.param('id')))))
  .post('/exchanges/:id/answer', requireToken, jsonBody, async (c) =>
    c.json(exchangeJson(await answerExchange(c.get('ctx'), c.get('actor'), c.req.param('id'), await readBody(c)))),
  )
  .post('/exchanges/:id/messages', requireToken, jsonBody, async (c) =>
    c.json(exchangeJson(await postExchangeMessage(c.get('ctx'), c.get('actor'), c.req.param('id'), await readBody(c)))),
  )
  .get('/hubs/:id/exchanges', requireToken, async (c) => {
    const list = await listHubExchanges(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return c.json({ items: list.map(exchangeJson) });
  });
