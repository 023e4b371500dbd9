import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export type CaughtWebhook = { jwt: string; status: number; answer: unknown };
type Answer = { status: number; body: unknown };

/**
 * A loopback endpoint for the sandbox's webhooks: it keeps every body it is sent and answers with
 * `respond` (200 by default), so a test can forward them to the app's receiver or play a failing app.
 */
export function setUpWebhookCatcher() {
  const caught: CaughtWebhook[] = [];
  let respond: (jwt: string) => Promise<Answer> = async () => ({ status: 200, body: {} });
  let url = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const jwt = Buffer.concat(chunks).toString('utf8');
      const { status, body } = await respond(jwt);
      caught.push({ jwt, status, answer: body });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return {
    caught,
    get url() {
      return url;
    },
    /** How the next deliveries are answered. */
    respondWith(handler: (jwt: string) => Promise<Answer>) {
      respond = handler;
    },
    clear() {
      caught.length = 0;
      respond = async () => ({ status: 200, body: {} });
    },
  };
}
