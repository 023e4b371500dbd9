/**
 * What the app needs from an SDK error, and nothing else. SDK errors can carry the request they came from,
 * headers included, so callers log `describeWixError(error)` and never the raw error.
 */
export type WixFailure = { status: number | null; code: string | null };

export function readWixFailure(error: unknown): WixFailure {
  if (typeof error !== 'object' || error === null) return { status: null, code: null };
  const candidate = error as { status?: unknown; details?: { applicationError?: { code?: unknown } } };
  const status = typeof candidate.status === 'number' ? candidate.status : null;
  const code = candidate.details?.applicationError?.code;
  return { status, code: typeof code === 'string' ? code : null };
}

export function describeWixError(error: unknown): string {
  const { status, code } = readWixFailure(error);
  if (status === null && code === null) return error instanceof Error ? error.name : 'unknown error';
  return `status ${status ?? 'none'}, code ${code ?? 'none'}`;
}

/** Wix answers 401/403 when a token is unknown, expired or not a member's: the session is over. */
export function isAuthFailure(error: unknown): boolean {
  const { status } = readWixFailure(error);
  return status === 401 || status === 403;
}

/** True when any of these concurrent calls was refused because the token is not, or no longer, a member's. */
export function anyAuthFailure(results: PromiseSettledResult<unknown>[]): boolean {
  return results.some((result) => result.status === 'rejected' && isAuthFailure(result.reason));
}

/** The reason of the first of these concurrent calls that failed, for the log. */
export function firstFailure(results: PromiseSettledResult<unknown>[]): unknown {
  return results.find((result): result is PromiseRejectedResult => result.status === 'rejected')?.reason;
}
