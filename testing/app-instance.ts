import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Environment that turns a production server into a sandbox-mode test instance. */
const SANDBOX_ENV = {
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
export async function startAppInstance(port: number, env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '--port', String(port)],
    {
      env: { ...process.env, NODE_ENV: 'production', ...SANDBOX_ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://localhost:${port}`;
  const instance = {
    origin,
    pid: child.pid!,
    output: () => output,
    /** Resident memory of the server process, in bytes (Linux). */
    rssBytes: () =>
      Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) * 1024,
    async stop() {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + 45_000;
  while (!(await fetch(`${origin}/api/health`).catch(() => null))?.ok) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} exited:\n${output}`);
    if (Date.now() > deadline) {
      await instance.stop();
      throw new Error(`instance on ${port} did not come up:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return instance;
}

export type AppInstance = Awaited<ReturnType<typeof startAppInstance>>;
