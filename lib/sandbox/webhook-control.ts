import { z } from 'zod';
import { parseControlBody } from './control';
import type { RequestContext, Router } from './router';
import { defaultDeliveryOptions, type DeliveryOptions } from './webhook-sender';

/**
 * Control endpoints of the sandbox's webhooks: the public key to verify them with, where they go, how the
 * next ones are delivered (twice, late, short-lived), and every delivery with its attempts.
 */

const targetSchema = z.object({ url: z.url({ protocol: /^https?$/ }).nullable() }).strict();
const deliverySchema = z
  .object({
    duplicate: z.boolean().optional(),
    delayMs: z.int().min(0).max(60_000).optional(),
    tokenTtlSeconds: z.int().min(1).max(86_400).optional(),
    /** How many account changes the options apply to; absent: until reset or replaced. */
    changes: z.int().min(1).max(1_000).optional(),
  })
  .strict();

function describe(ctx: RequestContext) {
  const { webhooks } = ctx.sandbox;
  return { json: { target: webhooks.target, options: webhooks.options, deliveries: webhooks.deliveries } };
}

export function registerWebhookControlRoutes(router: Router): void {
  router
    .add('GET', '/_sandbox/webhooks', describe)
    .add('GET', '/_sandbox/webhooks/public-key', (ctx) => ({
      json: { publicKey: ctx.sandbox.webhooks.publicKeyPem },
    }))
    .add('PUT', '/_sandbox/webhooks/target', (ctx) => {
      ctx.sandbox.webhooks.target = parseControlBody(ctx, targetSchema).url;
      return { json: { target: ctx.sandbox.webhooks.target } };
    })
    .add('PUT', '/_sandbox/webhooks/delivery', (ctx) => {
      const { changes, ...rest } = parseControlBody(ctx, deliverySchema);
      const options: DeliveryOptions = {
        ...defaultDeliveryOptions(),
        ...rest,
        remainingChanges: changes ?? null,
      };
      ctx.sandbox.webhooks.options = options;
      return { json: { options } };
    });
}
