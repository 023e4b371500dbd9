import { afterAll, beforeAll, beforeEach } from 'vitest';
import { sandboxControl, type SandboxControl } from '@/lib/sandbox/control-client';
import { routeWixTrafficToSandbox } from '@/lib/sandbox/route-wix-traffic';
import { startSandbox, type RunningSandbox } from '@/lib/sandbox/server';

/** The key the unit and contract tests' sandboxes accept, unless a test asks for another. */
export const TEST_API_KEY = 'contract-test-api-key';

type RoutedSandboxOptions = { tokenTtlSeconds?: number; apiKey?: string };

/** A sandbox on a free port, with this process's Wix traffic routed to it. */
export async function startRoutedSandbox(options: RoutedSandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ port: 0, apiKey: TEST_API_KEY, ...options });
  routeWixTrafficToSandbox(sandbox.origin);
  return sandbox;
}

/**
 * One routed sandbox for the calling test file: started before its tests, reset to the seed before each,
 * closed after. The handle reads the running instance, which exists only once `beforeAll` ran.
 */
export function setUpRoutedSandbox(options: RoutedSandboxOptions = {}): {
  readonly origin: string;
  readonly control: SandboxControl;
} {
  let running: { sandbox: RunningSandbox; control: SandboxControl } | undefined;
  const current = () => {
    if (!running) throw new Error('the sandbox starts in beforeAll; use it inside a test');
    return running;
  };
  beforeAll(async () => {
    const sandbox = await startRoutedSandbox(options);
    running = { sandbox, control: sandboxControl(sandbox.origin) };
  });
  afterAll(async () => {
    await running?.sandbox.close();
  });
  beforeEach(async () => {
    await current().control.reset();
  });
  return {
    get origin() {
      return current().sandbox.origin;
    },
    get control() {
      return current().control;
    },
  };
}
