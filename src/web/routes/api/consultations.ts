import { Hono, type Context } from 'hono';
import { listConsultations } from '../../../domain/consultation/consultation-list.service.js';
import { createConsultation, getConsultation, joinConsultation } from '../../../domain/consultation/consultation.service.js';
import { listStatements, moderateStatement, submitStatement, translateStatement } from '../../../domain/consultation/statements.service.js';
import { castVote, nextStatement } from '../../../domain/consultation/votes.service.js';
import type { WebEnv } from '../../env.js';
import { consultationJson, consultationSummaryJson, participantJson, statementJson, voteJson } from './consultation-representation.js';
import { jsonBody, readBody } from './json-body.js';
import { requireToken } from './sign-in.js';

/** Which language version a reader wants: `?lang=` when given, else the interface language (Accept-Language). */
const langOf = (c: Context<WebEnv>) => c.req.query('lang') || c.get('locale');

/**
 * Consultations, statements and votes. Reading is open; joining, proposing, voting and moderating need a
 * token, and what its account may do is the services' decision (403; 409 once a consultation is closed).
 */
export const consultationRoutes = new Hono<WebEnv>()
  .get('/consultations', async (c) => c.json({ items: (await listConsultations(c.get('ctx'))).map(consultationSummaryJson) }))
  .post('/consultations', requireToken, jsonBody, async (c) => {
    const created = await createConsultation(c.get('ctx'), c.get('actor'), await readBody(c));
    c.header('Location', `${c.req.path}/${created.id}`);
    return c.json(consultationJson(created), 201);
  })
  .get('/consultations/:id', async (c) => {
    const cons = await getConsultation(c.get('ctx'), c.req.param('id'));
    const list = await listStatements(c.get('ctx'), c.get('actor'), cons.id, { lang: langOf(c) });
    return c.json({ ...consultationJson(cons), statements: list.map(statementJson) });
  })
  .post('/consultations/:id/participants', requireToken, jsonBody, async (c) => {
    const p = await joinConsultation(c.get('ctx'), c.get('actor'), c.req.param('id'), await readBody(c));
    return c.json(participantJson(p));
  })
  .post('/consultations/:id/statements', requireToken, jsonBody, async (c) => {
    return c.json(statementJson(await submitStatement(c.get('ctx'), c.get('actor'), c.req.param('id'), await readBody(c))), 201);
  })
  .post('/consultations/:id/votes', requireToken, jsonBody, async (c) => {
    return c.json(voteJson(await castVote(c.get('ctx'), c.get('actor'), c.req.param('id'), await readBody(c))));
  })
  .get('/consultations/:id/next', requireToken, async (c) => {
    const s = await nextStatement(c.get('ctx'), c.get('actor'), c.req.param('id'), { lang: langOf(c) });
    return c.json({ statement: s && statementJson(s) });
  })
  .post('/statements/:id/moderation', requireToken, jsonBody, async (c) => {
    return c.json(statementJson(await moderateStatement(c.get('ctx'), c.get('actor'), c.req.param('id'), await readBody(c))));
  })
  .post('/statements/:id/texts', requireToken, jsonBody, async (c) => {
    return c.json(statementJson(await translateStatement(c.get('ctx'), c.get('actor'), c.req.param('id'), await readBody(c))), 201);
  });
