import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import type { Server } from 'node:http';
import { instanceStreams } from '@/lib/live/open-streams';
import { logger } from '@/lib/observability/logger';
import { processSingleton } from '@/lib/stores/process-singleton';

/**
 * Docker and Kubernetes send SIGKILL 10 s after SIGTERM unless told otherwise: whatever still hangs is cut a
 * second before, so the process ends on its own terms and says so.
 */
export const SHUTDOWN_DEADLINE_MS = 9_000;

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
type ShutdownSignal = (typeof SIGNALS)[number];
/** The exit status of a process ended by the signal (128 + its number), as Next's own handler uses. */
const EXIT_CODES: Record<ShutdownSignal, number> = { SIGTERM: 143, SIGINT: 130 };

export type Shutdown = {
  /** True from the signal on: readiness answers 503 and new event streams are refused. */
  readonly shuttingDown: boolean;
  begin(signal: ShutdownSignal): void;
};

type ShutdownParts = {
  /** Tells every open event stream to reconnect elsewhere and closes it; returns how many there were. */
  drainStreams(): number;
  exit(code: number): void;
  deadlineMs: number;
};

/**
 * What the app adds to Next's own signal handling. Next's server (`next start` and the standalone
 * `server.js` alike) closes its listener on SIGTERM, waits for every open connection to end, then exits.
 * Alone, that waits forever on event streams, and a keep-alive connection whose request ends after the
 * signal lingers for the keep-alive timeout. So from the signal on, this instance is not ready, refuses new
 * streams, ends the open ones with a `retry` hint, closes each connection as soon as its response has
 * gone, and exits at the deadline whatever still hangs.
 */
export function createShutdown({ drainStreams, exit, deadlineMs }: ShutdownParts): Shutdown {
  let shuttingDown = false;
  return {
    get shuttingDown() {
      return shuttingDown;
    },
    begin(signal) {
      if (shuttingDown) return;
      shuttingDown = true;
      subscribe('http.server.response.finish', closeIdleConnections);
      const streams = drainStreams();
      logger.info({ signal, streams }, 'shutting down: open event streams told to reconnect elsewhere');
      setTimeout(() => {
        logger.warn({ signal, deadlineMs }, 'shutting down: requests still open at the deadline are cut');
        exit(EXIT_CODES[signal]);
      }, deadlineMs).unref();
    },
  };
}

/** Once a response has gone, its connection is idle: closing it lets Next's `server.close()` complete. */
function closeIdleConnections(message: unknown) {
  const { server } = message as { server?: Server };
  if (server) setImmediate(() => server.closeIdleConnections());
}

function processShutdown(): Shutdown {
  return processSingleton('shutdown', () =>
    createShutdown({
      drainStreams: () => instanceStreams().drain(),
      exit: (code) => process.exit(code),
      deadlineMs: SHUTDOWN_DEADLINE_MS,
    }),
  );
}

/** Whether this process has been told to stop. */
export function isShuttingDown(): boolean {
  return processShutdown().shuttingDown;
}

/** Hooks SIGTERM and SIGINT once per process, beside Next's handler (which runs first and closes the listener). */
export function installGracefulShutdown(): void {
  processSingleton('shutdown-signals', () => {
    for (const signal of SIGNALS) process.on(signal, () => processShutdown().begin(signal));
    return true;
  });
}
