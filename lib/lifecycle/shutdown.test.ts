import { createServer, get, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createShutdown } from './shutdown';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('graceful shutdown', () => {
  it('turns not ready on the signal, drains the streams once, and exits with 143 at the deadline', async () => {
    let drained = 0;
    const exits: number[] = [];
    const shutdown = createShutdown({
      drainStreams: () => ++drained,
      exit: (code) => exits.push(code),
      deadlineMs: 100,
    });
    expect(shutdown.shuttingDown).toBe(false);

    shutdown.begin('SIGTERM');
    shutdown.begin('SIGTERM');
    expect(shutdown.shuttingDown).toBe(true);
    expect(drained).toBe(1);
    await sleep(50);
    expect(exits).toEqual([]);
    await sleep(100);
    expect(exits).toEqual([143]);
  });

  it('closes a kept-alive connection once its response has gone, so the server closes without waiting out keep-alive', async () => {
    const server = createServer((_request, response) => setTimeout(() => response.end('done'), 200));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true });
    try {
      const answered = new Promise<string>((resolve) =>
        get({ host: '127.0.0.1', port, agent }, (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve(body));
        }),
      );
      await sleep(50);
      const shutdown = createShutdown({ drainStreams: () => 0, exit: () => undefined, deadlineMs: 60_000 });
      const started = Date.now();
      shutdown.begin('SIGTERM');
      // What Next's own handler does on the same signal.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));

      expect(await answered).toBe('done');
      await closed;
      // Node would otherwise keep the idle connection for the keep-alive timeout (5 s) before closing.
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      agent.destroy();
      server.closeAllConnections();
    }
  });
});
