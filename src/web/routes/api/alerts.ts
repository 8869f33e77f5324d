import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { alertCapXml, importCapAlert } from '../../../domain/alerts/alert-cap.service.js';
import { alertProgress, changeAlert, createAlert, decideAlert, getAlert, listAlerts } from '../../../domain/alerts/alerts.service.js';
import { CAP_MAX_BYTES, CAP_MEDIA_TYPE } from '../../../domain/alerts/cap.js';
import type { WebEnv } from '../../env.js';
import { capErrorText } from '../../views/alerts-labels.js';
import { alertJson, alertProgressJson, capErrorJson } from './alerts-representation.js';
import { jsonBody, readBody } from './json-body.js';
import { pageJson } from './representation.js';
import { requireToken } from './sign-in.js';

const XML_TYPE = /^application\/(cap\+)?xml\s*(;|$)/i;

function transportError(c: Context<WebEnv>, status: 413 | 415, code: string, key: string) {
  return c.json({ error: { code, message: c.get('t')(key), fields: {} } }, status);
}

const limitXml = bodyLimit({ maxSize: CAP_MAX_BYTES, onError: (c) => transportError(c as Context<WebEnv>, 413, 'payload_too_large', 'error.payload_too_large') });

/** A CAP document as the body: application/cap+xml or application/xml (415 otherwise), at most 1 MB (413). */
const xmlBody = createMiddleware<WebEnv>(async (c, next) => {
  if (!XML_TYPE.test(c.req.header('content-type') ?? '')) return transportError(c, 415, 'unsupported_media_type', 'alerts.api_xml_only');
  return limitXml(c, next);
});

/**
 * Alerts: written and decided by alert authorities with a token; approved alerts are public. Every
 * alert waits for a second person's approval (the author cannot approve it) before anything is sent.
 */
export const alertRoutes = new Hono<WebEnv>()
  .get('/alerts', async (c) => c.json(pageJson(await listAlerts(c.get('ctx'), c.get('actor'), c.req.query()), alertJson)))
  .post('/alerts', requireToken, jsonBody, async (c) => {
    const a = await createAlert(c.get('ctx'), c.get('actor'), await readBody(c), 'api');
    c.header('Location', `${c.req.path}/${a.id}`);
    return c.json(alertJson(a), 201);
  })
  // A CAP 1.2 file becomes a pending alert; a refused file is a 422 listing every reason.
  .post('/alerts/cap', requireToken, xmlBody, async (c) => {
    const result = await importCapAlert(c.get('ctx'), c.get('actor'), await c.req.text());
    const t = c.get('t');
    if (!result.ok) {
      return c.json({ error: { code: 'invalid', message: t('alerts.import_refused', { count: result.errors.length }), fields: {}, errors: result.errors.map((e) => capErrorJson(e, capErrorText(t, e))) } }, 422);
    }
    c.header('Location', `/api/v1/alerts/${result.alert.id}`);
    return c.json(alertJson(result.alert), 201);
  })
  .get('/alerts/:id', async (c) => c.json(alertJson(await getAlert(c.get('ctx'), c.get('actor'), c.req.param('id')))))
  .get('/alerts/:id/cap', async (c) => {
    const a = await getAlert(c.get('ctx'), c.get('actor'), c.req.param('id'));
    c.header('Content-Type', `${CAP_MEDIA_TYPE}; charset=utf-8`);
    return c.body(await alertCapXml(c.get('ctx'), a));
  })
  .post('/alerts/:id/decision', requireToken, jsonBody, async (c) => c.json(alertJson(await decideAlert(c.get('ctx'), c.get('actor'), c.req.param('id'), await readBody(c)))))
  .post('/alerts/:id/changes', requireToken, jsonBody, async (c) => {
    const a = await changeAlert(c.get('ctx'), c.get('actor'), c.req.param('id'), await readBody(c), 'api');
    c.header('Location', `/api/v1/alerts/${a.id}`);
    return c.json(alertJson(a), 201);
  })
  .get('/alerts/:id/progress', requireToken, async (c) => c.json(alertProgressJson(await alertProgress(c.get('ctx'), c.get('actor'), c.req.param('id')))));
