import { z } from 'zod';
import { requiredText, text, uuid } from '../shared/fields.js';

export const EXCHANGE_STATUSES = ['requested', 'accepted', 'declined'] as const;
export type ExchangeStatus = (typeof EXCHANGE_STATUSES)[number];

/** Asking a peer hub — or the authors of a practice — for an exchange. `toHubId` may be left out when a practice is named. */
export const exchangeRequestSchema = z.object({
  fromHubId: uuid,
  toHubId: uuid.optional(),
  practiceId: uuid.optional(),
  message: requiredText(2000),
});

export const exchangeAnswerSchema = z.object({
  answer: z.enum(['accept', 'decline'], { error: 'validation.invalid_choice' }),
  message: text(2000).default(''),
});

export const exchangeMessageSchema = z.object({ body: requiredText(2000) });

export type ExchangeMessage = { id: string; hubId: string; userName: string | null; body: string; createdAt: Date };
export type Exchange = {
  id: string;
  fromHubId: string;
  toHubId: string;
  practiceId: string | null;
  status: ExchangeStatus;
  createdAt: Date;
  respondedAt: Date | null;
  messages: ExchangeMessage[];
};
