import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { handleDeliveryWebhook, handleInboundWebhook, MAX_WEBHOOK_BODY_BYTES, type WebhookRequest } from '../../channels/sms/africastalking.channel.js';
import type { AppContext } from '../../context.js';
import type { WebEnv } from '../env.js';

/**
 * Africa's Talking posts received messages and delivery reports here. Mounted before sessions and CSRF:
 * the aggregator has neither, and proves itself with the shared secret in the callback URL instead
 * (checked by the channel). 404 when the node does not use Africa's Talking.
 */
export function smsWebhookRoutes(ctx: Pick<AppContext, 'sms'>) {
  const app = new Hono<WebEnv>();
  const limit = bodyLimit({ maxSize: MAX_WEBHOOK_BODY_BYTES, onError: (c) => c.text('Payload too large', 413) });
  const handle = (fn: typeof handleInboundWebhook) =>
    async (c: Context<WebEnv>) => {
      if (ctx.sms?.name !== 'http') return c.text('Not found', 404);
      const body = await c.req.parseBody().catch(() => ({}));
      const form = Object.fromEntries(Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
      const request: WebhookRequest = { headers: c.req.header(), form, query: c.req.query() };
      const answer = await fn(ctx.sms, request);
      return c.text(answer.body, answer.status as 200);
    };
  app.post('/africastalking/inbound', limit, handle(handleInboundWebhook));
  app.post('/africastalking/delivery', limit, handle(handleDeliveryWebhook));
  return app;
}
