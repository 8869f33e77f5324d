import { Hono } from 'hono';
import { createHub, getHub, listHubs, saveHubTranslation, updateHub } from '../../../domain/hubs/hubs.service.js';
import { communitiesLikeYours } from '../../../domain/matching/matching.service.js';
import type { WebEnv } from '../../env.js';
import { jsonBody, readBody } from './json-body.js';
import { hubJson, pageJson, recommendationsJson } from './representation.js';
import { requireToken } from './sign-in.js';

/** Hubs: profiles for everyone, contacts only for token holders (the service strips them). */
export const hubRoutes = new Hono<WebEnv>()
  .get('/hubs', async (c) => {
    return c.json(pageJson(await listHubs(c.get('ctx'), c.get('actor'), c.req.query()), hubJson));
  })
  .post('/hubs', requireToken, jsonBody, async (c) => {
    const h = await createHub(c.get('ctx'), c.get('actor'), await readBody(c));
    c.header('Location', `${c.req.path}/${h.id}`);
    return c.json(hubJson(h), 201);
  })
  .get('/hubs/:id', async (c) => {
    return c.json(hubJson(await getHub(c.get('ctx'), c.get('actor'), c.req.param('id'))));
  })
  .get('/hubs/:id/recommendations', async (c) => {
    const { practices, peers } = await communitiesLikeYours(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return c.json(recommendationsJson(practices, peers));
  })
  .put('/hubs/:id', requireToken, jsonBody, async (c) => {
    return c.json(hubJson(await updateHub(c.get('ctx'), c.get('actor'), c.req.param('id'), await readBody(c))));
  })
  .put('/hubs/:id/texts/:lang', requireToken, jsonBody, async (c) => {
    const h = await saveHubTranslation(c.get('ctx'), c.get('actor'), c.req.param('id'), c.req.param('lang'), await readBody(c));
    return c.json(hubJson(h));
  });
