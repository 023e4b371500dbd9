import { routeWixTrafficToSandbox } from '@/lib/sandbox/route-wix-traffic';
import { describeSandbox } from '@/lib/sandbox/banner';
import { startSandbox } from '@/lib/sandbox/server';
import type { AppConfig } from '@/lib/config/env';

type SandboxConfig = Extract<AppConfig, { mode: 'sandbox' }>;

/** Survives `next dev` hot reloads, which re-evaluate modules but keep the process. */
const globalState = globalThis as typeof globalThis & { __loyaltySandbox?: Promise<void> };

async function isSandboxAnswering(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/_sandbox/health`, { signal: AbortSignal.timeout(1_000) });
    const body = (await response.json()) as { sandbox?: unknown };
    return response.ok && body.sandbox === true;
  } catch {
    return false;
  }
}

async function bringUp(config: SandboxConfig): Promise<void> {
  const { origin, port, tokenTtlSeconds } = config.sandbox;
  if (await isSandboxAnswering(origin)) {
    console.log(`[loyalty] sandbox mode: using the Wix sandbox already running at ${origin}`);
  } else {
    await startSandbox({ port, apiKey: config.wix.apiKey, tokenTtlSeconds });
    console.log(`[loyalty] sandbox mode\n${describeSandbox(origin, config.wix.apiKey)}`);
  }
  routeWixTrafficToSandbox(origin);
}

/** Starts the sandbox once per process, or reuses one that another process (tests, a terminal) started. */
export function ensureSandbox(config: SandboxConfig): Promise<void> {
  globalState.__loyaltySandbox ??= bringUp(config);
  return globalState.__loyaltySandbox;
}
