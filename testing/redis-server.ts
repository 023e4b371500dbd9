import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';

/**
 * A throwaway `redis-server` (Debian's package; `.ci/run` installs it) on a loopback port, with no
 * persistence, for tests that need a shared store. Each caller passes its own port so parallel test
 * files and end-to-end runs never share one.
 */
export type TestRedis = {
  url: string;
  stop(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open and nothing answers, as with a hung Redis. */
  freeze(): void;
  thaw(): void;
};

export async function startRedisServer(port: number): Promise<TestRedis> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let failed: Error | undefined;
  child.once('error', (error) => (failed = error));
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}`;

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (failed)
      throw new Error(`redis-server could not start (apt-get install redis-server): ${failed.message}`);
    if (child.exitCode !== null) throw new Error(`redis-server on port ${port} exited:\n${output}`);
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`redis-server on port ${port} did not answer:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      probe.disconnect();
    }
  }

  return {
    url,
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGCONT');
        child.kill('SIGTERM');
      }
      await exited;
    },
  };
}
