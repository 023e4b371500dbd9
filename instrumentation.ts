/**
 * Runs once per server process before it takes requests. The Wix layer boots only in the Node.js runtime:
 * it validates the configuration and, in sandbox mode, starts the local Wix sandbox and routes the SDK's
 * traffic to it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootWixLayer } = await import('./lib/boot/boot-wix-layer');
  await bootWixLayer();
}
