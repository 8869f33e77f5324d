import { Hono } from 'hono';
import { z } from 'zod';
import {
  createPractice, getPractice, listPractices, practiceHistory, reviewPractice, saveTranslation, updatePractice,
} from '../../../domain/practices/practices.service.js';
import { parseInput } from '../../../domain/shared/validation.js';
import type { WebEnv } from '../../env.js';
import { jsonBody, readBody } from './json-body.js';
import { historyJson, pageJson, practiceJson } from './representation.js';
import { requireToken } from './sign-in.js';

/** A translation may name the version it was based on, to be refused (409) if someone saved since. */
export const expectedVersionSchema = z.object({
  expectedVersion: z.int({ error: 'validation.number' }).min(1, { error: 'validation.range' }).optional(),
});

/** Practices: read by anyone (published ones), written with a token; the services decide who may. */
export const practiceRoutes = new Hono<WebEnv>()
  .get('/practices', async (c) => {
    const page = await listPractices(c.get('ctx'), c.get('actor'), c.req.query());
    return c.json(pageJson(page, practiceJson));
  })
  .post('/practices', requireToken, jsonBody, async (c) => {
    const p = await createPractice(c.get('ctx'), c.get('actor'), await readBody(c));
    c.header('Location', `${c.req.path}/${p.id}`);
    return c.json(practiceJson(p), 201);
  })
  .get('/practices/:id', async (c) => {
    return c.json(practiceJson(await getPractice(c.get('ctx'), c.get('actor'), c.req.param('id'))));
  })
  .put('/practices/:id', requireToken, jsonBody, async (c) => {
    const p = await updatePractice(c.get('ctx'), c.get('actor'), c.req.param('id'), await readBody(c));
    return c.json(practiceJson(p));
  })
  .put('/practices/:id/texts/:lang', requireToken, jsonBody, async (c) => {
    const body = await readBody(c);
    const { expectedVersion } = parseInput(expectedVersionSchema, body);
    const p = await saveTranslation(c.get('ctx'), c.get('actor'), c.req.param('id'), c.req.param('lang'), body, expectedVersion);
    return c.json(practiceJson(p));
  })
  .post('/practices/:id/review', requireToken, jsonBody, async (c) => {
    const p = await reviewPractice(c.get('ctx'), c.get('actor'), c.req.param('id'), await readBody(c));
    return c.json(practiceJson(p));
  })
  .get('/practices/:id/history', async (c) => {
    return c.json(historyJson(await practiceHistory(c.get('ctx'), c.get('actor'), c.req.param('id'))));
  });
