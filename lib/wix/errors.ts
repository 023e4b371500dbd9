import { STATUS_CODES } from 'node:http';

/**
 * The one place that reads Wix failures. SDK errors can carry the request they came from, headers
 * included, so nothing logs the raw error: the Wix door (`observe-calls.ts`) logs each failure once, with
 * `wixFailureDetails(error)`, and callers branch on `classifyWixFailure(error)`, never on an HTTP status.
 */

export type WixFailureKind =
  /** 401: the token is unknown or expired: the session is over. */
  | 'unauthenticated'
  /**
   * 403 (`PERMISSION_DENIED`): Wix knows the caller, but this site does not let that identity (the API key, a
   * member's token) call this method. A fact about the site's permissions, not about the session: it must not
   * sign the member out, and `npm run doctor` names the method and the identity.
   */
  | 'forbidden'
  | 'not-found'
  /** Already exists: a member who already joined, a channel already followed. */
  | 'conflict'
  /** The site is not in a state that allows it: a paused program, a disabled channel. */
  | 'precondition'
  | 'invalid'
  /** Anything else: Wix is down, slow, or answered something we do not understand. Worth a retry. */
  | 'unavailable';

export type WixFailure = { status: number | null; code: string | null };

function readWixFailure(error: unknown): WixFailure {
  if (typeof error !== 'object' || error === null) return { status: null, code: null };
  const candidate = error as { status?: unknown; details?: { applicationError?: { code?: unknown } } };
  const status = typeof candidate.status === 'number' ? candidate.status : null;
  const code = candidate.details?.applicationError?.code;
  return { status, code: typeof code === 'string' ? code : null };
}

const KIND_BY_STATUS: Record<number, WixFailureKind> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'precondition',
  422: 'invalid',
  428: 'precondition',
};

export function classifyWixFailure(error: unknown): WixFailureKind {
  const { status } = readWixFailure(error);
  return (status !== null && KIND_BY_STATUS[status]) || 'unavailable';
}

/** `Bad Request` → 400: the SDK's token calls name the status only by its text. */
const STATUS_BY_TEXT = new Map(Object.entries(STATUS_CODES).map(([status, text]) => [text, Number(status)]));

/**
 * The HTTP status and Wix's code of a failure, for the log line and the span of the call. The SDK's token
 * calls carry neither as a field, only in their message: the status text, and the OAuth `error` of the body.
 */
export function wixFailureDetails(error: unknown): WixFailure {
  const read = readWixFailure(error);
  if (read.status !== null || read.code !== null || !(error instanceof Error)) return read;
  const statusText = /from OAuth API: ([A-Za-z' -]+)\./.exec(error.message)?.[1];
  const code = /"error"\s*:\s*"([A-Za-z0-9_.-]{1,64})"/.exec(error.message)?.[1] ?? null;
  return { status: (statusText && STATUS_BY_TEXT.get(statusText)) || null, code };
}

/** True when any of these concurrent calls was refused because the token is unknown or no longer valid. */
export function anyUnauthenticated(results: PromiseSettledResult<unknown>[]): boolean {
  return results.some(
    (result) => result.status === 'rejected' && classifyWixFailure(result.reason) === 'unauthenticated',
  );
}

/** The reason of the first of these concurrent calls that failed, for the log. */
export function firstFailure(results: PromiseSettledResult<unknown>[]): unknown {
  return results.find((result): result is PromiseRejectedResult => result.status === 'rejected')?.reason;
}

/**
 * The SDK's token calls (`renewToken`, `getMemberTokens`) throw a plain Error whose message carries the
 * HTTP status text and Wix's JSON body, with no status field. Only a refusal of the grant itself (an OAuth
 * `invalid_grant`, or a 400/401) means the refresh token is dead; anything else (5xx, network, timeout) is
 * an outage, and signing the member out for it would log out everyone renewing during a hiccup.
 */
export function isTokenRefusal(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { message } = error;
  return (
    /"error"\s*:\s*"(invalid_grant|invalid_client|unauthorized_client)"/.test(message) ||
    /from OAuth API: (Bad Request|Unauthorized)\b/.test(message)
  );
}

/** A token call's failure: a refused grant ends the session (`unauthenticated`), anything else is an outage. */
export function classifyTokenFailure(error: unknown): WixFailureKind {
  return isTokenRefusal(error) ? 'unauthenticated' : classifyWixFailure(error);
}
