import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers a path with a page, or null for 404. */
export type HostPages = (url: URL) => string | null | Promise<string | null>;

export type RunningHost = { origin: string; close(): Promise<void> };

/**
 * A page on another site than the app: what a storefront, a blog or a landing page builder serves. Bound
 * to 127.0.0.1 while the app runs on localhost, so the browser treats the widget's iframe as cross-site.
 */
export async function startHostServer({
  port,
  pages,
}: {
  port: number;
  pages: HostPages;
}): Promise<RunningHost> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    Promise.resolve(pages(url))
      .then((page) => {
        response.writeHead(page === null ? 404 : 200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
        });
        response.end(page ?? 'Not found');
      })
      .catch(() => {
        response.writeHead(500).end('Host page failed');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
