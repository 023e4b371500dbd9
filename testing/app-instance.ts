import { startServerProcess, type ServerProcess } from './server-process';

/** Environment that turns a production server into a sandbox-mode test instance. */
export const SANDBOX_ENV = {
  WIX_SANDBOX: '1',
  WIX_CLIENT_ID: '',
  WIX_API_KEY: '',
  WIX_SITE_ID: '',
  WIX_SANDBOX_API_KEY: '',
};

/**
 * A `next start` of the current build on a port of its own, in sandbox mode unless `env` says otherwise:
 * for end-to-end tests that need several instances or a server they can measure, and for the benchmark.
 * Node runs Next's CLI directly, so `pid` is the server process itself.
 */
export function startAppInstance(port: number, env: Record<string, string>) {
  return startServerProcess({
    command: process.execPath,
    args: ['node_modules/next/dist/bin/next', 'start', '--port', String(port)],
    env: { ...process.env, NODE_ENV: 'production', ...SANDBOX_ENV, ...env },
    port,
  });
}

export type AppInstance = ServerProcess;
