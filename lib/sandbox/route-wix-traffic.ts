import { Agent, setGlobalDispatcher, type Dispatcher } from 'undici';

/** The two hosts `@wix/sdk` talks to: API-key clients use www, OAuth clients use edge (CDN). */
const ROUTED_HOSTS = new Set(['www.wixapis.com', 'edge.wixapis.com']);

const isWixHost = (hostname: string) =>
  ['wixapis.com', 'wix.com'].some((domain) => hostname === domain || hostname.endsWith(`.${domain}`));

let installed: Agent | undefined;

/**
 * Sends every request for www.wixapis.com or edge.wixapis.com to the sandbox, keeping path and
 * query. Node's global `fetch` reads undici's global dispatcher, and `@wix/sdk` fetches its OAuth
 * tokens with the global `fetch` and a hard-coded host, so this is the one place routing can
 * happen without touching the SDK.
 *
 * Fails closed: any other Wix host is refused with an error naming it, so a Wix call the sandbox
 * does not route can never leak to production. Other hosts pass through. Calling it again
 * replaces the previous route.
 */
export function routeWixTrafficToSandbox(sandboxOrigin: string): void {
  const target = new URL(sandboxOrigin).origin;
  const interceptor: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
    if (!opts.origin) return dispatch(opts, handler);
    const { hostname, host } = new URL(String(opts.origin));
    if (ROUTED_HOSTS.has(hostname)) return dispatch({ ...opts, origin: target }, handler);
    if (isWixHost(hostname)) {
      throw new Error(
        `Wix sandbox routing refused a request to ${host}: only www.wixapis.com and edge.wixapis.com are routed to the sandbox (${target})`,
      );
    }
    return dispatch(opts, handler);
  };
  const previous = installed;
  installed = new Agent();
  setGlobalDispatcher(installed.compose(interceptor));
  // Closing the replaced agent frees keep-alive sockets to a sandbox that may already be gone.
  void previous?.close().catch(() => undefined);
}
