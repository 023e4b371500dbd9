import { applicationError, SandboxErrorCode, type WixApiError } from './errors';

export interface FaultRule {
  pathPrefix: string;
  method: string | undefined;
  status: number;
  remaining: number;
}

/**
 * Finds the first fault that matches and uses up one of its repetitions. Exhausted rules are
 * dropped so `GET /_sandbox/faults` shows only what is still armed.
 */
export function takeFault(faults: FaultRule[], method: string, pathname: string): WixApiError | undefined {
  const index = faults.findIndex(
    (rule) => pathname.startsWith(rule.pathPrefix) && (!rule.method || rule.method === method),
  );
  const rule = faults[index];
  if (!rule) return undefined;
  rule.remaining -= 1;
  if (rule.remaining <= 0) faults.splice(index, 1);
  return applicationError(
    rule.status,
    SandboxErrorCode.InjectedFault,
    `Fault injected by the Wix sandbox for ${method} ${pathname}`,
    { pathPrefix: rule.pathPrefix },
  );
}

export function describeFaults(faults: FaultRule[]) {
  return faults.map(({ pathPrefix, method, status, remaining }) => ({
    pathPrefix,
    ...(method && { method }),
    status,
    times: remaining,
  }));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
