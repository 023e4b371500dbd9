/**
 * Runs once per server process before it takes requests. The Wix layer boots only in the Node.js runtime:
 * it validates the configuration and, in sandbox mode, starts the local Wix sandbox and routes the SDK's
 * traffic to it. SIGTERM is then handled gracefully (`lib/lifecycle/shutdown.ts`), and OpenTelemetry is
 * registered: the request ids of the logs, and the metrics and traces the configuration asks for.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installGracefulShutdown } = await import('./lib/lifecycle/shutdown');
  installGracefulShutdown();
  const { bootWixLayer } = await import('./lib/boot/boot-wix-layer');
  await bootWixLayer();
  const { startTelemetry } = await import('./lib/observability/telemetry');
  startTelemetry();
}
