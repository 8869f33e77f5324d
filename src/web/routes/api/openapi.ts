import { Hono } from 'hono';
import { z } from 'zod';
import { hubFiltersSchema } from '../../../domain/hubs/hub-filters.js';
import { listQuerySchema } from '../../../domain/practices/practices.service.js';
import { searchQuerySchema } from '../../../domain/search/search.js';
import { pagingSchema } from '../../../domain/shared/paging.js';
import type { WebEnv } from '../../env.js';
import { MAX_BODY_BYTES } from './json-body.js';
import { stocktakeFilterSchema } from './stocktake-representation.js';

import { componentSchemas, type SchemaName } from './openapi-components.js';
/*
 * The OpenAPI 3.1 description of /api/v1. Component schemas come from the zod schemas the services
 * validate with (input side: what a client may send) and from the response schemas the tests check
 * real answers against; only the paths below are written by hand, and a test walks them against the router.
 */

function queryParameters(schema: z.ZodObject): Json[] {
  const { properties = {} } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Json> };
  return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
}

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: Json) => ({ 'application/json': { schema } });

const ERRORS = {
  400: ['BadJson', 'The body is not a JSON object.'],
  401: ['Unauthenticated', 'No valid bearer token.'],
  403: ['Forbidden', 'The token’s account may not do this.'],
  404: ['NotFound', 'No such resource, or not visible to this caller.'],
  409: ['Conflict', 'Stale expectedVersion, or the status does not allow this action.'],
  413: ['PayloadTooLarge', `The body exceeds ${MAX_BODY_BYTES} bytes.`],
  415: ['UnsupportedMediaType', 'The body is not sent as application/json.'],
  422: ['Invalid', 'Validation failed; `fields` maps each field path to a localised message.'],
} as const;
type ErrorStatus = keyof typeof ERRORS;

const READ_ERRORS: ErrorStatus[] = [404];
const WRITE_ERRORS: ErrorStatus[] = [400, 401, 403, 413, 415, 422];

const idParam = (what: string) => ({ name: 'id', in: 'path', required: true, description: `The ${what}'s id.`, schema: { type: 'string', format: 'uuid' } });
const langParam = { name: 'lang', in: 'path', required: true, description: 'A BCP 47 language tag, e.g. `fr` or `ha`.', schema: { type: 'string' } };
type Json = Record<string, unknown>;

type Operation = {
  summary: string;
  tag: string;
  write?: { body: SchemaName };
  parameters?: Json[];
  ok: { status: 200 | 201; description: string; content: Json };
  errors?: ErrorStatus[];
};

function operation(o: Operation): Json {
  const errors = [...new Set([...(o.write ? WRITE_ERRORS : []), ...(o.errors ?? [])])].sort();
  return {
    summary: o.summary,
    tags: [o.tag],
    // Reads are open, and show more to a token holder; writes need the token.
    security: o.write ? [{ bearer: [] }] : [{}, { bearer: [] }],
    ...(o.parameters ? { parameters: o.parameters } : {}),
    ...(o.write ? { requestBody: { required: true, content: jsonContent(ref(o.write.body)) } } : {}),
    responses: {
      [o.ok.status]: { description: o.ok.description, content: o.ok.content },
      ...Object.fromEntries(errors.map((s) => [s, { $ref: `#/components/responses/${ERRORS[s][0]}` }])),
    },
  };
}

const csv = { 'text/csv': { schema: { type: 'string' } } };

function paths(): Json {
  const practice = idParam('practice');
  const hub = idParam('hub');
  const exchange = idParam('exchange');
  return {
    '/practices': {
      get: operation({ summary: 'List published practices (with `mine` or `status`, also others the caller may see)', tag: 'practices', parameters: queryParameters(listQuerySchema), ok: { status: 200, description: 'One page of practices.', content: jsonContent(ref('PracticePage')) }, errors: [403, 422] }),
      post: operation({ summary: 'Create a draft practice', tag: 'practices', write: { body: 'PracticeInput' }, ok: { status: 201, description: 'The new draft.', content: jsonContent(ref('Practice')) } }),
    },
    '/practices/{id}': {
      parameters: [practice],
      get: operation({ summary: 'Read a practice', tag: 'practices', ok: { status: 200, description: 'The practice.', content: jsonContent(ref('Practice')) }, errors: READ_ERRORS }),
      put: operation({ summary: 'Save the facts and the texts of one language', tag: 'practices', write: { body: 'PracticeUpdate' }, ok: { status: 200, description: 'The saved practice.', content: jsonContent(ref('Practice')) }, errors: [404, 409] }),
    },
    '/practices/{id}/texts/{lang}': {
      parameters: [practice, langParam],
      put: operation({ summary: 'Add or replace the texts in one language', tag: 'practices', write: { body: 'PracticeTranslation' }, ok: { status: 200, description: 'The practice with its texts.', content: jsonContent(ref('Practice')) }, errors: [404, 409] }),
    },
    '/practices/{id}/review': {
      parameters: [practice],
      post: operation({ summary: 'Submit, publish, return, archive, restore or comment', tag: 'practices', write: { body: 'ReviewInput' }, ok: { status: 200, description: 'The practice in its new status.', content: jsonContent(ref('Practice')) }, errors: [404, 409] }),
    },
    '/practices/{id}/history': {
      parameters: [practice],
      get: operation({ summary: 'Review comments and versions', tag: 'practices', ok: { status: 200, description: 'The history.', content: jsonContent(ref('PracticeHistory')) }, errors: READ_ERRORS }),
    },
    '/search': {
      get: operation({ summary: 'Search published practices in every language (unknown filter values are ignored and listed in `ignored`; a page past the end is empty)', tag: 'practices', parameters: queryParameters(searchQuerySchema), ok: { status: 200, description: 'One page of matches, best first, with facet counts over all matches.', content: jsonContent(ref('SearchResult')) } }),
    },
    '/hubs': {
      get: operation({ summary: 'List hubs', tag: 'hubs', parameters: queryParameters(hubFiltersSchema.extend(pagingSchema.shape)), ok: { status: 200, description: 'One page of hubs.', content: jsonContent(ref('HubPage')) }, errors: [422] }),
      post: operation({ summary: 'Register a hub', tag: 'hubs', write: { body: 'HubInput' }, ok: { status: 201, description: 'The new hub.', content: jsonContent(ref('Hub')) } }),
    },
    '/hubs/{id}': {
      parameters: [hub],
      get: operation({ summary: 'Read a hub (contact is null without a token)', tag: 'hubs', ok: { status: 200, description: 'The hub.', content: jsonContent(ref('Hub')) }, errors: READ_ERRORS }),
      put: operation({ summary: 'Replace the hub’s profile', tag: 'hubs', write: { body: 'HubProfile' }, ok: { status: 200, description: 'The saved hub.', content: jsonContent(ref('Hub')) }, errors: [404] }),
    },
    '/hubs/{id}/recommendations': {
      parameters: [hub],
      get: operation({ summary: 'Communities like yours: practices that fit the hub and peer hubs, each with its reasons', tag: 'hubs', ok: { status: 200, description: 'Up to 10 practices and 5 peers, best first.', content: jsonContent(ref('Recommendations')) }, errors: READ_ERRORS }),
    },
    '/hubs/{id}/exchanges': {
      parameters: [hub],
      get: { ...operation({ summary: 'The hub’s exchanges, asked and received (its coordinators and admins only)', tag: 'exchanges', ok: { status: 200, description: 'Newest first.', content: jsonContent(ref('ExchangeList')) }, errors: [401, 403, 404] }), security: [{ bearer: [] }] },
    },
    '/exchanges': {
      post: operation({ summary: 'Ask a peer hub, or a practice’s authors (give `practiceId` without `toHubId`), for an exchange', tag: 'exchanges', write: { body: 'ExchangeRequest' }, ok: { status: 201, description: 'The new exchange with its first message.', content: jsonContent(ref('Exchange')) }, errors: [409] }),
    },
    '/exchanges/{id}': {
      parameters: [exchange],
      get: { ...operation({ summary: 'Read an exchange and its thread (its two hubs’ coordinators and admins only)', tag: 'exchanges', ok: { status: 200, description: 'The exchange.', content: jsonContent(ref('Exchange')) }, errors: [401, 404] }), security: [{ bearer: [] }] },
    },
    '/exchanges/{id}/answer': {
      parameters: [exchange],
      post: operation({ summary: 'Accept or decline a request (the asked hub)', tag: 'exchanges', write: { body: 'ExchangeAnswer' }, ok: { status: 200, description: 'The answered exchange.', content: jsonContent(ref('Exchange')) }, errors: [404, 409] }),
    },
    '/exchanges/{id}/messages': {
      parameters: [exchange],
      post: operation({ summary: 'Add a message to the thread (either hub, until declined)', tag: 'exchanges', write: { body: 'ExchangeMessageInput' }, ok: { status: 200, description: 'The exchange with the new message.', content: jsonContent(ref('Exchange')) }, errors: [404, 409] }),
    },
    '/hubs/{id}/texts/{lang}': {
      parameters: [hub, langParam],
      put: operation({ summary: 'Add or replace the name and description in one language', tag: 'hubs', write: { body: 'HubText' }, ok: { status: 200, description: 'The hub with its texts.', content: jsonContent(ref('Hub')) }, errors: [404] }),
    },
    '/export.json': {
      get: operation({ summary: 'The open data file: published practices and hubs, without contacts', tag: 'open data', ok: { status: 200, description: 'The file.', content: jsonContent(ref('OpenDataFile')) } }),
    },
    '/export/practices.csv': {
      get: operation({ summary: 'Published practices as CSV, texts in their original language', tag: 'open data', ok: { status: 200, description: 'A CSV file with a header line.', content: csv } }),
    },
    '/export/hubs.csv': {
      get: operation({ summary: 'Hubs as CSV, without contacts', tag: 'open data', ok: { status: 200, description: 'A CSV file with a header line.', content: csv } }),
    },
    '/openapi.json': {
      get: operation({ summary: 'This document', tag: 'meta', ok: { status: 200, description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } } }),
    },
  };
}

/** Consultations, statements and votes. The analysis and report paths are kept in a function of their own. */
function consultationPaths(): Json {
  const consultation = idParam('consultation');
  const statement = idParam('statement');
  const langQuery = { name: 'lang', in: 'query', required: false, description: 'The language version wanted (BCP 47); default: Accept-Language.', schema: { type: 'string' } };
  const tokenOnly = (o: Json) => ({ ...o, security: [{ bearer: [] }] });
  return {
    '/consultations': {
      get: operation({ summary: 'List consultations, newest first, with counts of accepted statements and participants', tag: 'consultations', ok: { status: 200, description: 'The consultations.', content: jsonContent(ref('ConsultationList')) } }),
      post: operation({ summary: 'Open a consultation (admins and coordinators), in a process if `processId` names one (else 422)', tag: 'consultations', write: { body: 'ConsultationInput' }, ok: { status: 201, description: 'The new, open consultation.', content: jsonContent(ref('Consultation')) } }),
    },
    '/consultations/{id}': {
      parameters: [consultation],
      get: operation({ summary: 'Read a consultation with its accepted statements and all their language versions', tag: 'consultations', parameters: [langQuery], ok: { status: 200, description: 'The consultation.', content: jsonContent(ref('ConsultationDetail')) }, errors: READ_ERRORS }),
    },
    '/consultations/{id}/participants': {
      parameters: [consultation],
      post: operation({ summary: 'Take part: a delegate for their organisation, a coordinator for `hubId` (idempotent)', tag: 'consultations', write: { body: 'JoinInput' }, ok: { status: 200, description: 'The caller’s participant.', content: jsonContent(ref('Participant')) }, errors: [404, 409] }),
    },
    '/consultations/{id}/statements': {
      parameters: [consultation],
      post: operation({ summary: 'Propose a statement (participants; pending until moderated, a curator’s is accepted at once)', tag: 'consultations', write: { body: 'StatementInput' }, ok: { status: 201, description: 'The statement.', content: jsonContent(ref('Statement')) }, errors: [404, 409] }),
    },
    '/consultations/{id}/votes': {
      parameters: [consultation],
      post: operation({ summary: 'Agree, disagree or pass on one language version of an accepted statement (participants; a repeat changes nothing)', tag: 'consultations', write: { body: 'VoteInput' }, ok: { status: 200, description: 'The current vote.', content: jsonContent(ref('Vote')) }, errors: [404, 409] }),
    },
    '/consultations/{id}/next': {
      parameters: [consultation],
      get: tokenOnly(operation({ summary: 'The next statement for the token’s participant to vote on', tag: 'consultations', parameters: [langQuery], ok: { status: 200, description: 'A statement, or null when all are voted on.', content: jsonContent(ref('NextStatement')) }, errors: [401, 403, 404, 409] })),
    },
    '/statements/{id}/moderation': {
      parameters: [statement],
      post: operation({ summary: 'Accept or reject a statement (curators)', tag: 'consultations', write: { body: 'ModerationInput' }, ok: { status: 200, description: 'The statement in its new status.', content: jsonContent(ref('Statement')) }, errors: [404] }),
    },
    '/statements/{id}/texts': {
      parameters: [statement],
      post: operation({ summary: 'Add a language version of a statement (curators and its author); votes on any version count for the statement', tag: 'consultations', write: { body: 'StatementInput' }, ok: { status: 201, description: 'The statement with the new version.', content: jsonContent(ref('Statement')) }, errors: [404, 409] }),
    },
  };
}

/** The stored opinion analysis of a consultation (report, analysis.json). */
function analysisPaths(): Json {
  const nullable = (type: string) => ({ type: [type, 'null'] });
  const analysis = {
    type: 'object',
    required: ['consultationId', 'computedAt', 'votes', 'votesSince', 'isStale', 'statements', 'result'],
    properties: {
      consultationId: { type: 'string', format: 'uuid' },
      computedAt: { ...nullable('string'), format: 'date-time', description: 'Null while a large consultation waits for its first analysis.' },
      durationMs: nullable('integer'),
      votes: { type: 'integer', description: 'Votes (cast or changed) the analysis reflects.' },
      votesSince: { type: 'integer', description: 'Votes since; the analysis is being updated in the background.' },
      isStale: { type: 'boolean' },
      statements: { type: 'array', items: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, commentId: { type: 'integer', description: 'Its comment-id in the CSV exports.' } } } },
      result: { ...nullable('object'), description: 'analyzeConsultation\'s result (method: src/domain/consultation/analysis/method.md); participants under their Polis-style numbers.' },
    },
  };
  return {
    '/consultations/{id}/analysis': {
      parameters: [idParam('consultation')],
      get: operation({ summary: 'The opinion analysis of an open or closed consultation: groups, representative statements, consensus, common ground and divergences across sectors, stability', tag: 'consultations', ok: { status: 200, description: 'The latest stored analysis and how far behind the votes it is.', content: jsonContent(analysis) }, errors: READ_ERRORS }),
    },
  };
}

/** Alerts: authored, approved by a second person, changed; CAP 1.2 in and out. */
function alertPaths(): Json {
  const alert = idParam('alert');
  const tokenOnly = (o: Json) => ({ ...o, security: [{ bearer: [] }] });
  const cap = { 'application/cap+xml': { schema: { type: 'string', description: 'A CAP 1.2 document.' } } };
  const importOp = operation({ summary: 'Import a CAP 1.2 document (application/cap+xml or application/xml, at most 1 MB) as a pending alert', tag: 'alerts', ok: { status: 201, description: 'The new pending alert.', content: jsonContent(ref('Alert')) }, errors: [401, 403, 413, 415] });
  return {
    '/alerts': {
      get: operation({ summary: 'List alerts, newest first (approved ones; alert authorities also see pending and rejected ones)', tag: 'alerts', parameters: queryParameters(pagingSchema), ok: { status: 200, description: 'One page of alerts.', content: jsonContent(ref('AlertPage')) }, errors: [422] }),
      post: operation({ summary: 'Write an alert (alert authorities); it waits for another person’s approval', tag: 'alerts', write: { body: 'AlertInput' }, ok: { status: 201, description: 'The new pending alert.', content: jsonContent(ref('Alert')) } }),
    },
    '/alerts/cap': {
      post: {
        ...importOp,
        security: [{ bearer: [] }],
        requestBody: { required: true, content: { ...cap, 'application/xml': cap['application/cap+xml'] } },
        responses: { ...(importOp.responses as Json), 422: { description: 'The file was refused; `errors` lists every reason with its path, code, line and column.', content: jsonContent(ref('CapRefusal')) } },
      },
    },
    '/alerts/{id}': {
      parameters: [alert],
      get: operation({ summary: 'Read an alert (pending and rejected ones: alert authorities only)', tag: 'alerts', ok: { status: 200, description: 'The alert.', content: jsonContent(ref('Alert')) }, errors: READ_ERRORS }),
    },
    '/alerts/{id}/cap': {
      parameters: [alert],
      get: operation({ summary: 'The alert as a CAP 1.2 document', tag: 'alerts', ok: { status: 200, description: 'CAP 1.2 XML, one <info> per language.', content: cap }, errors: READ_ERRORS }),
    },
    '/alerts/{id}/decision': {
      parameters: [alert],
      post: operation({ summary: 'Approve or reject a pending alert (admins and curators, not its author); approval starts the dispatch', tag: 'alerts', write: { body: 'AlertDecision' }, ok: { status: 200, description: 'The decided alert.', content: jsonContent(ref('Alert')) }, errors: [404, 409] }),
    },
    '/alerts/{id}/changes': {
      parameters: [alert],
      post: operation({ summary: 'Update or cancel an approved alert; the change waits for approval, then reaches the same people', tag: 'alerts', write: { body: 'AlertChange' }, ok: { status: 201, description: 'The new pending Update or Cancel.', content: jsonContent(ref('Alert')) }, errors: [404, 409] }),
    },
    '/alerts/{id}/progress': {
      parameters: [alert],
      get: tokenOnly(operation({ summary: 'How far the alert’s messages got: counts per status and failure reasons, never a number (alert authorities)', tag: 'alerts', ok: { status: 200, description: 'The progress.', content: jsonContent(ref('AlertProgress')) }, errors: [401, 403, 404] })),
    },
  };
}

/** Processes and their phases (read-only here: phase changes are an admin's action on the process page). */
function processPaths(): Json {
  return {
    '/processes': {
      get: operation({ summary: 'List processes, newest first, each with its phases in order and the active one marked', tag: 'processes', ok: { status: 200, description: 'The processes.', content: jsonContent(ref('ProcessList')) } }),
    },
    '/processes/{id}': {
      parameters: [idParam('process')],
      get: operation({ summary: 'Read a process: its phases, what each allows, the history of phase changes and the consultations linked to it', tag: 'processes', ok: { status: 200, description: 'The process.', content: jsonContent(ref('ProcessDetail')) }, errors: READ_ERRORS }),
    },
    '/processes/{id}/stocktake': {
      parameters: [idParam('process')],
      get: operation({
        summary: 'Read a process’s stocktake: activities (filtered by sector, theme, country; unknown values ignored), summaries per sector and the gap list',
        tag: 'processes', parameters: queryParameters(stocktakeFilterSchema),
        ok: { status: 200, description: 'The stocktake.', content: jsonContent(ref('Stocktake')) }, errors: READ_ERRORS,
      }),
    },
    '/processes/{id}/plan': {
      parameters: [idParam('process')],
      get: operation({
        summary: 'Read a process’s declaration and action plan: documents, sections with their current text and version, action items and amendments with votes',
        tag: 'processes', ok: { status: 200, description: 'The documents.', content: jsonContent(ref('Plan')) }, errors: READ_ERRORS,
      }),
    },
    '/processes/{id}/accountability': {
      parameters: [idParam('process')],
      get: operation({
        summary: 'Read a process’s accountability: action-plan items with progress rolled up from active commitments, the plan’s progress, commitments (withdrawn ones marked by their status) with updates and evidence, changes with their reasons, overdue flags, and hubs’ stories',
        tag: 'processes', ok: { status: 200, description: 'The accountability, computed on read.', content: jsonContent(ref('Accountability')) }, errors: READ_ERRORS,
      }),
    },
  };
}

function buildDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Passerelle API',
      version: '1',
      description: 'Practices and hubs of the Passerelle knowledge commons. Error messages follow Accept-Language. Anonymous reads may be cached for 60 s.',
    },
    servers: [{ url: '/api/v1' }],
    tags: [{ name: 'practices' }, { name: 'hubs' }, { name: 'consultations' }, { name: 'alerts' }, { name: 'processes' }, { name: 'open data' }, { name: 'meta' }],
    paths: { ...paths(), ...consultationPaths(), ...analysisPaths(), ...alertPaths(), ...processPaths() },
    components: {
      schemas: componentSchemas(),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token created on the account page.' } },
      responses: Object.fromEntries(Object.values(ERRORS).map(([name, description]) => [name, { description, content: jsonContent(ref('Error')) }])),
    },
  };
}

let cached: Json | undefined;

/** Built on first use: it depends only on the code, never on the request or the data. */
export function openApiDocument(): Json {
  cached ??= buildDocument();
  return cached;
}

export const openApiRoutes = new Hono<WebEnv>().get('/openapi.json', (c) => c.json(openApiDocument()));
