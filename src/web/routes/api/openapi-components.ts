import { z } from 'zod';
import { hubInputSchema, hubProfileSchema, hubTextSchema } from '../../../domain/hubs/hubs.js';
import { envelopeSchema, hubRecordSchema, practiceRecordSchema } from '../../../domain/opendata/format.js';
import { reviewSchema, updateSchema } from '../../../domain/practices/practices.service.js';
import { practiceFactsSchema, practiceInputSchema, practiceTextSchema } from '../../../domain/practices/practices.js';
import { expectedVersionSchema } from './practices.js';
import { searchJsonSchema } from './search.js';
import { alertChangeSchema, alertDecisionSchema, alertInputSchema } from '../../../domain/alerts/alerts.js';
import { alertJsonSchema, alertProgressJsonSchema, capRefusalJsonSchema } from './alerts-representation.js';
import { apiErrorSchema, exchangeJsonSchema, historyJsonSchema, hubJsonSchema, pageSchemaOf, practiceJsonSchema, recommendationsJsonSchema } from './representation.js';
import { exchangeAnswerSchema, exchangeMessageSchema, exchangeRequestSchema } from '../../../domain/exchanges/exchanges.js';
import { consultationInputSchema, joinInputSchema, moderationInputSchema, statementInputSchema, voteInputSchema } from '../../../domain/consultation/consultation.js';
import { consultationDetailJsonSchema, consultationJsonSchema, consultationListJsonSchema, nextJsonSchema, participantJsonSchema, statementJsonSchema, voteJsonSchema } from './consultation-representation.js';
import { processDetailJsonSchema, processListJsonSchema } from './process-representation.js';
import { planJsonSchema } from './plan-representation.js';
import { accountabilityJsonSchema } from './accountability-representation.js';
import { stocktakeJsonSchema } from './stocktake-representation.js';

/*
 * The component schemas of the OpenAPI document: the zod schemas the services validate with (input side: what a
 * client may send) and the response schemas the tests check real answers against, by the names paths refer to.
 */

export const COMPONENTS = {
  PracticeText: practiceTextSchema,
  PracticeFacts: practiceFactsSchema,
  PracticeInput: practiceInputSchema,
  PracticeUpdate: updateSchema,
  PracticeTranslation: practiceTextSchema.extend(expectedVersionSchema.shape),
  ReviewInput: reviewSchema,
  PracticeRecord: practiceRecordSchema,
  Practice: practiceJsonSchema,
  PracticePage: pageSchemaOf(practiceJsonSchema),
  PracticeHistory: historyJsonSchema,
  SearchResult: searchJsonSchema,
  HubText: hubTextSchema,
  HubProfile: hubProfileSchema,
  HubInput: hubInputSchema,
  HubRecord: hubRecordSchema,
  Hub: hubJsonSchema,
  HubPage: pageSchemaOf(hubJsonSchema),
  Recommendations: recommendationsJsonSchema,
  ExchangeRequest: exchangeRequestSchema,
  ExchangeAnswer: exchangeAnswerSchema,
  ExchangeMessageInput: exchangeMessageSchema,
  Exchange: exchangeJsonSchema,
  ExchangeList: z.object({ items: z.array(exchangeJsonSchema) }),
  ConsultationInput: consultationInputSchema,
  Consultation: consultationJsonSchema,
  ConsultationList: consultationListJsonSchema,
  ConsultationDetail: consultationDetailJsonSchema,
  JoinInput: joinInputSchema,
  Participant: participantJsonSchema,
  StatementInput: statementInputSchema,
  Statement: statementJsonSchema,
  ModerationInput: moderationInputSchema,
  VoteInput: voteInputSchema,
  Vote: voteJsonSchema,
  NextStatement: nextJsonSchema,
  AlertInput: alertInputSchema,
  AlertChange: alertChangeSchema,
  AlertDecision: alertDecisionSchema,
  Alert: alertJsonSchema,
  AlertPage: pageSchemaOf(alertJsonSchema),
  AlertProgress: alertProgressJsonSchema,
  CapRefusal: capRefusalJsonSchema,
  ProcessList: processListJsonSchema,
  ProcessDetail: processDetailJsonSchema,
  Stocktake: stocktakeJsonSchema,
  Plan: planJsonSchema,
  Accountability: accountabilityJsonSchema,
  OpenDataFile: envelopeSchema.extend({ exportedAt: z.iso.datetime(), hubs: z.array(hubRecordSchema), practices: z.array(practiceRecordSchema) }),
  Error: apiErrorSchema,
} satisfies Record<string, z.ZodType>;

export type SchemaName = keyof typeof COMPONENTS;
type Json = Record<string, unknown>;

// A JSON Schema 2020-12 $id may not carry a fragment, and each component sits inside the document anyway.
function stripIds(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

export function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io: 'input', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, stripIds(s as Json)]));
}

