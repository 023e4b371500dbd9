import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export type ServerCommand = {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  cwd?: string;
};

/**
 * A production server of this app as a child process on its own port, ready once `/api/health` answers.
 * The child leads its own process group, and `pid` is the server itself, so a test can signal it as an
 * orchestrator would.
 */
export async function startServerProcess({ command, args, env, port, cwd }: ServerCommand) {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const origin = `http://localhost:${port}`;
  const instance = {
    origin,
    pid: child.pid!,
    output: () => output,
    /** The exit code once the server has ended (null when a signal ended it without a handler). */
    exited,
    /** Resident memory of the server process, in bytes (Linux). */
    rssBytes: () =>
      Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) * 1024,
    /** SIGTERM to the process group, and SIGKILL if it is still there after 15 s. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      process.kill(-child.pid, 'SIGTERM');
      const killer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
  const deadline = Date.now() + 45_000;
  while (!(await fetch(`${origin}/api/health`).catch(() => null))?.ok) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited:\n${output}`);
    if (Date.now() > deadline) {
      await instance.stop();
      throw new Error(`server on ${port} did not come up:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return instance;
}

export type ServerProcess = Awaited<ReturnType<typeof startServerProcess>>;
