import { ChannelError, type DeliveryState } from './sms.js';

/*
 * What Africa's Talking's answers mean, as pure tables. Sources (listed in africastalking.md beside this
 * file): the per-recipient `statusCode` list of POST /version1/messaging (docs.africastalking.com/sms/sending)
 * and the delivery-report `status` and `failureReason` values of their "SMS Notifications" page.
 */

type Outcome = { name: string; isAccepted: boolean; isRetryable: boolean };

/**
 * Per-recipient statusCode. 100 Processed, 101 Sent and 102 Queued are acceptances. Retryable are the
 * ones a later attempt can pass without anyone touching the message: 405 InsufficientBalance (the
 * operator tops the account up; the outbox keeps backing off meanwhile, and an alert must not be lost for
 * want of credit), 409 DoNotDisturbRejection (Nigeria: a promotional sender id outside the allowed hours —
 * it passes once the window opens), 500 InternalServerError and 501 GatewayError (their trouble or the
 * telco link's). Permanent: 401 RiskHold (their fraud review holds this sender or text; resending the same
 * text is held again and needs a person), 402 InvalidSenderId (configuration), 403 InvalidPhoneNumber,
 * 404 UnsupportedNumberType, 406 UserInBlacklist (the person blocked the sender with their operator),
 * 407 CouldNotRoute (no route to that network on this account) and 502 RejectedByGateway (the telco said no).
 */
const RECIPIENT_STATUS = new Map<number, Outcome>([
  [100, { name: 'Processed', isAccepted: true, isRetryable: false }],
  [101, { name: 'Sent', isAccepted: true, isRetryable: false }],
  [102, { name: 'Queued', isAccepted: true, isRetryable: false }],
  [401, { name: 'RiskHold', isAccepted: false, isRetryable: false }],
  [402, { name: 'InvalidSenderId', isAccepted: false, isRetryable: false }],
  [403, { name: 'InvalidPhoneNumber', isAccepted: false, isRetryable: false }],
  [404, { name: 'UnsupportedNumberType', isAccepted: false, isRetryable: false }],
  [405, { name: 'InsufficientBalance', isAccepted: false, isRetryable: true }],
  [406, { name: 'UserInBlacklist', isAccepted: false, isRetryable: false }],
  [407, { name: 'CouldNotRoute', isAccepted: false, isRetryable: false }],
  [409, { name: 'DoNotDisturbRejection', isAccepted: false, isRetryable: true }],
  [500, { name: 'InternalServerError', isAccepted: false, isRetryable: true }],
  [501, { name: 'GatewayError', isAccepted: false, isRetryable: true }],
  [502, { name: 'RejectedByGateway', isAccepted: false, isRetryable: false }],
]);

/** Codes an operator must act on (credentials, credit, sender id, risk review): logged as errors. */
export const ACCOUNT_PROBLEMS = new Set(['unauthorized', 'InsufficientBalance', 'InvalidSenderId', 'RiskHold']);

/**
 * The outcome of one recipient's statusCode. A code not in the table is judged by its hundreds, as the
 * table itself is laid out: 1xx accepted, 5xx retryable, anything else permanent.
 */
export function recipientOutcome(statusCode: number, status?: string): Outcome {
  const known = RECIPIENT_STATUS.get(statusCode);
  if (known) return known;
  const name = status || `status_${statusCode}`;
  if (statusCode >= 100 && statusCode < 200) return { name, isAccepted: true, isRetryable: false };
  return { name, isAccepted: false, isRetryable: statusCode >= 500 && statusCode < 600 };
}

/**
 * A refusal with no recipient line: Africa's Talking then names the problem in `Message` alone (an
 * unknown sender id answers `{"Message":"InvalidSenderId","Recipients":[]}`). Known names keep their
 * verdict; any other text is permanent, since nothing says a retry would fare better.
 */
export function refusalWithoutRecipient(message: string | undefined): ChannelError {
  const text = (message ?? '').trim();
  const known = [...RECIPIENT_STATUS.values()].find((o) => !o.isAccepted && o.name.toLowerCase() === text.toLowerCase());
  if (known) return new ChannelError(known.name, `Africa's Talking refused the message: ${known.name}`, known.isRetryable);
  return new ChannelError('no_recipient', `Africa's Talking accepted no recipient: ${text.slice(0, 200) || '(no reason given)'}`, false);
}

/**
 * An HTTP answer that carries no recipient lines. 401 and 403 are bad credentials (username, API key, or
 * a live key on the sandbox): permanent until someone fixes the configuration. 408, 429 and 5xx may pass
 * later. Any other status (400: a parameter they refuse) would fail the same way again.
 */
export function errorForHttpStatus(status: number, body: string): ChannelError {
  const detail = body.trim().slice(0, 200);
  const say = (what: string) => `Africa's Talking answered HTTP ${status} (${what})${detail ? `: ${detail}` : ''}`;
  if (status === 401 || status === 403) return new ChannelError('unauthorized', say('bad username or API key'), false);
  if (status === 429) return new ChannelError('throttled', say('too many requests'), true);
  if (status === 408) return new ChannelError('timeout', say('request timeout'), true);
  if (status >= 500) return new ChannelError('server_error', say('server error'), true);
  return new ChannelError(status >= 400 && status < 500 ? 'bad_request' : `http_${status}`, say('refused'), false);
}

/**
 * Delivery-report statuses. Success, Failed and Rejected are final; Sent (left Africa's Talking),
 * Submitted (reached the operator) and Buffered (queued by the operator) mean "on its way", our
 * `accepted`. AbsentSubscriber (phone off or out of coverage) is a failed delivery; Expired (the operator
 * discarded it) is `expired`. Anything else is `unknown` rather than a guess.
 */
const DELIVERY_STATES: Record<string, DeliveryState> = {
  success: 'delivered',
  failed: 'failed',
  rejected: 'rejected',
  absentsubscriber: 'failed',
  expired: 'expired',
  sent: 'accepted',
  submitted: 'accepted',
  buffered: 'accepted',
};

/**
 * Our state and error code for one report. The code is the report's `failureReason` (sent with Failed
 * and Rejected: UserDoesNotExist, DeliveryFailure, …) or, where the status itself is the reason
 * (AbsentSubscriber), the status.
 */
export function deliveryState(status: string, failureReason?: string): { state: DeliveryState; errorCode?: string } {
  const key = status.trim().toLowerCase();
  const state = DELIVERY_STATES[key] ?? 'unknown';
  const errorCode = failureReason?.trim() || (key === 'absentsubscriber' || state === 'unknown' ? status.trim() : undefined);
  return errorCode ? { state, errorCode } : { state };
}
