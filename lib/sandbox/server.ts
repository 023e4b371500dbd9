import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { takeAccountChanges } from './account-changes';
import { registerAccountRoutes } from './accounts';
import { expireCheckoutDiscounts, scheduleCheckoutTimer, stopCheckoutTimer } from './checkout-timeouts';
import { createSandboxContext, type SandboxContext } from './context';
import { registerCouponRoutes } from './coupons';
import { registerControlRoutes } from './control';
import { registerEarningRuleRoutes } from './earning-rules';
import { registerEcomCheckoutRoutes } from './ecom-checkouts';
import { registerCheckoutExchangeRoutes } from './checkout-exchange';
import { registerCheckoutControlRoutes } from './checkout-control';
import { applicationError, SandboxErrorCode, WixApiError } from './errors';
import { sleep, takeFault } from './faults';
import { readBody, sendHtml, sendJson, sendRedirect } from './http';
import { registerMemberRoutes } from './members';
import { registerOAuthTokenRoutes } from './oauth-token';
import { enforcePermissions, registerPermissionRoutes } from './permissions';
import { registerProgramRoutes } from './programs';
import { registerReferralControlRoutes, registerReferralRoutes } from './referrals';
import { registerLoginPageRoutes, registerRedirectSessionRoutes } from './redirect-sessions';
import { registerRewardRoutes } from './rewards';
import { createRequestContext, Router, type HandlerResult } from './router';
import { registerSocialMediaRoutes } from './social-media';
import { registerTransactionRoutes } from './transactions';
import { registerWebhookControlRoutes } from './webhook-control';

export interface StartSandboxOptions {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1: the sandbox is a loopback development tool. */
  host?: string;
  apiKey: string;
  /** Access-token lifetime; defaults to 300 seconds. */
  tokenTtlSeconds?: number;
  /** Delay added to every Wix-path response. */
  latencyMs?: number;
}

export interface RunningSandbox {
  origin: string;
  port: number;
  /** PEM of the key pair the sandbox signs its webhooks with; the app verifies them with it. */
  webhookPublicKey: string;
  close(): Promise<void>;
}

const CONTROL_PREFIX = '/_sandbox/';

/** The Wix paths the sandbox implements; exported so tests can hold its method names to them. */
export function buildWixRouter(): Router {
  const router = new Router();
  registerOAuthTokenRoutes(router);
  registerRedirectSessionRoutes(router);
  registerMemberRoutes(router);
  registerAccountRoutes(router);
  registerProgramRoutes(router);
  registerEarningRuleRoutes(router);
  registerSocialMediaRoutes(router);
  registerTransactionRoutes(router);
  registerRewardRoutes(router);
  registerCouponRoutes(router);
  registerEcomCheckoutRoutes(router);
  registerCheckoutExchangeRoutes(router);
  registerReferralRoutes(router);
  return router;
}

function buildControlRouter(): Router {
  const router = new Router();
  registerControlRoutes(router);
  registerWebhookControlRoutes(router);
  registerCheckoutControlRoutes(router);
  registerPermissionRoutes(router);
  registerReferralControlRoutes(router);
  registerLoginPageRoutes(router);
  return router;
}

function send(res: ServerResponse, result: HandlerResult): void {
  if ('redirect' in result) sendRedirect(res, result.redirect);
  else if ('html' in result) sendHtml(res, result.status ?? 200, result.html);
  else sendJson(res, result.status ?? 200, result.json);
}

async function handle(
  sandbox: SandboxContext,
  routers: { wix: Router; control: Router },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', sandbox.config.origin);
  const isControl = url.pathname.startsWith(CONTROL_PREFIX);
  try {
    const rawBody = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
    expireCheckoutDiscounts(sandbox);
    if (!isControl) {
      // The SDK copies this header into its errors' `requestId`, as with real Wix responses.
      res.setHeader('x-wix-request-id', randomUUID());
      if (sandbox.latencyMs > 0) await sleep(sandbox.latencyMs);
      const fault = takeFault(sandbox.faults, method, url.pathname);
      if (fault) throw fault;
    }
    const match = (isControl ? routers.control : routers.wix).match(method, url.pathname);
    if (!match) {
      throw applicationError(
        404,
        SandboxErrorCode.EndpointNotImplemented,
        `The Wix sandbox does not implement ${method} ${url.pathname}`,
      );
    }
    const ctx = createRequestContext(sandbox, req, url, match.params, rawBody);
    if (!isControl) enforcePermissions(ctx, match.route);
    send(res, await match.handler(ctx));
  } catch (error) {
    if (error instanceof WixApiError) {
      sendJson(res, error.status, error.body);
      return;
    }
    console.error('[wix-sandbox] unexpected error', error);
    sendJson(res, 500, {
      message: 'Internal sandbox error',
      details: {
        applicationError: { code: SandboxErrorCode.Internal, description: String(error), data: {} },
      },
    });
  } finally {
    // Wix announces a change once it is committed; a request that failed half-way still committed its part.
    sandbox.webhooks.dispatch(takeAccountChanges(sandbox.state));
    scheduleCheckoutTimer(sandbox);
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts a local stand-in for the Wix REST APIs the app uses. Each call owns its own state, tokens
 * and faults, so several sandboxes can run side by side (one per test file, say).
 */
export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  const address = await listen(server, options.port, host);
  // A wildcard bind address is not something a browser can open, so links use loopback instead.
  const publicHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const origin = `http://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${address.port}`;
  const sandbox = createSandboxContext({
    apiKey: options.apiKey,
    origin,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 300,
    initialLatencyMs: options.latencyMs ?? 0,
  });
  const routers = { wix: buildWixRouter(), control: buildControlRouter() };
  server.on('request', (req, res) => void handle(sandbox, routers, req, res));
  return {
    origin,
    port: address.port,
    webhookPublicKey: sandbox.webhooks.publicKeyPem,
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopCheckoutTimer(sandbox);
        server.close((error) => (error ? reject(error) : resolve()));
        // undici keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
