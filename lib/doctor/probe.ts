import 'server-only';
import { classifyWixFailure, wixFailureDetails, type WixFailureKind } from '@/lib/wix/errors';

/** Longer than any Wix call takes; a call that hangs is reported, not waited for. */
const PROBE_TIMEOUT_MS = 10_000;

/**
 * How Wix answered one call. `permitted`: it answered, or refused for a reason other than who was asking (a
 * checkout that does not exist is a 404, and a 404 means the identity may call the method). `detail` is the
 * status and code only, never the SDK's error, which can carry the request and its headers.
 */
export type ProbeOutcome<T = unknown> =
  | { kind: 'answered'; value: T }
  | { kind: 'permitted'; failure: WixFailureKind; detail: string }
  /** `error` is for the checks to read (the SDK's token calls say more in it); never printed. */
  | { kind: 'forbidden' | 'unauthenticated' | 'unavailable'; detail: string; error: unknown };

class NoAnswer extends Error {}

/** Makes one call, bounded in time, and says how Wix answered it. */
export async function probe<T>(call: () => Promise<T>): Promise<ProbeOutcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswer()), PROBE_TIMEOUT_MS);
  });
  try {
    return { kind: 'answered', value: await Promise.race([call(), timeout]) };
  } catch (error) {
    const failure = classifyWixFailure(error);
    const detail =
      error instanceof NoAnswer ? `no answer in ${PROBE_TIMEOUT_MS / 1000} s` : describeFailure(error);
    if (failure === 'forbidden' || failure === 'unauthenticated' || failure === 'unavailable') {
      return { kind: failure, detail, error };
    }
    return { kind: 'permitted', failure, detail };
  } finally {
    clearTimeout(timer);
  }
}

/** Wix's status and code, the words the doctor's rows quote; never the error itself, which can hold the request. */
function describeFailure(error: unknown): string {
  const { status, code } = wixFailureDetails(error);
  if (status === null && code === null) return error instanceof Error ? error.name : 'unknown error';
  return `status ${status ?? 'none'}, code ${code ?? 'none'}`;
}
