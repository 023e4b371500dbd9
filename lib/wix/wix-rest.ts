import 'server-only';
import type { z } from 'zod';
import { observeWixCall } from './observe-calls';

/**
 * REST calls for Wix APIs that have no SDK module here, made through the SDK client's own `fetchWithAuth`:
 * the same OAuth or API-key headers as the client's modules, the same token renewal, and in sandbox mode the
 * same rerouting (the global dispatcher). Each call is observed like an SDK method (`<module>.<method>`),
 * refuses with an error `classifyWixFailure` reads as it reads the SDK's, and answers only what its schema
 * accepts.
 */

/** What the door needs of an SDK client: both `createMemberClient` and `getAdminClient` have it. */
export type AuthenticatedClient = { fetchWithAuth: typeof fetch };

export type RestEndpoint<Schema extends z.ZodType> = {
  /** `referrals.getReferralProgram`: how the call is logged, counted, traced and listed (`wix-calls.ts`). */
  method: `${string}.${string}`;
  verb: 'GET' | 'POST';
  /** With `{name}` segments, filled from the call's `params`, encoded. */
  path: string;
  schema: Schema;
};

const WIX_API_ORIGIN = 'https://www.wixapis.com';

/**
 * Wix's refusal, shaped as the SDK shapes its own (`status`, `details.applicationError.code`), so the one
 * classifier serves both. It holds Wix's error body and nothing of the request: no headers, no token.
 */
export class WixRestError extends Error {
  constructor(
    readonly status: number | null,
    readonly details: { applicationError?: { code?: string; description?: string } } & Record<
      string,
      unknown
    >,
    message: string,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'WixRestError';
  }
}

/** Reads Wix's error body (`{ message, details }`); anything else is kept as a bare status. */
async function refusal(response: Response, method: string): Promise<WixRestError> {
  const body: unknown = await response.json().catch(() => null);
  const { message, details } = (typeof body === 'object' && body !== null ? body : {}) as {
    message?: unknown;
    details?: unknown;
  };
  return new WixRestError(
    response.status,
    typeof details === 'object' && details !== null ? (details as WixRestError['details']) : {},
    typeof message === 'string' && message ? message : `${method} answered HTTP ${response.status}`,
    response.headers.get('x-wix-request-id'),
  );
}

/**
 * An answer the schema refuses is an outage (`unavailable`), never data: a door that shows a half-understood
 * answer would show "0 friends" for a Wix it cannot read. The zod issues name paths, not values.
 */
function malformed(method: string, issues: z.core.$ZodIssue[]): WixRestError {
  const where = issues
    .slice(0, 3)
    .map((issue) => issue.path.join('.') || '(root)')
    .join(', ');
  return new WixRestError(
    null,
    { applicationError: { code: 'MALFORMED_RESPONSE' } },
    `${method} answered a shape the app does not accept (at ${where})`,
  );
}

export type RestRequest = { params?: Record<string, string>; body?: unknown };

function pathOf(endpoint: RestEndpoint<z.ZodType>, params: Record<string, string> = {}): string {
  return endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

async function send<Schema extends z.ZodType>(
  client: AuthenticatedClient,
  endpoint: RestEndpoint<Schema>,
  { params, body }: RestRequest,
): Promise<z.output<Schema>> {
  const response = await client.fetchWithAuth(`${WIX_API_ORIGIN}${pathOf(endpoint, params)}`, {
    method: endpoint.verb,
    headers: {
      accept: 'application/json',
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw await refusal(response, endpoint.method);
  const parsed = endpoint.schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw malformed(endpoint.method, parsed.error.issues);
  return parsed.data;
}

/** One observed REST call: `body` is sent as JSON (POST); a GET sends none. */
export function callWixRest<Schema extends z.ZodType>(
  client: AuthenticatedClient,
  endpoint: RestEndpoint<Schema>,
  request: RestRequest = {},
): Promise<z.output<Schema>> {
  return observeWixCall(endpoint.method, () => send(client, endpoint, request));
}
