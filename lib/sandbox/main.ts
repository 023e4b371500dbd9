import { SANDBOX_CLIENT_ID, SANDBOX_DEFAULT_API_KEY, SANDBOX_SITE_ID, createSeedState } from './seed';
import { startSandbox } from './server';
import { accountByMemberId, fullName } from './state';

/** `npx tsx lib/sandbox/main.ts`: runs the sandbox on 127.0.0.1:${WIX_SANDBOX_PORT:-4010} until stopped. */
async function main(): Promise<void> {
  const portText = process.env.WIX_SANDBOX_PORT ?? '4010';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`WIX_SANDBOX_PORT must be a port number, got "${portText}"`);
  }
  const apiKey = process.env.WIX_SANDBOX_API_KEY || SANDBOX_DEFAULT_API_KEY;
  const sandbox = await startSandbox({ port, apiKey });

  const seed = createSeedState();
  const lines = seed.members.map((member) => {
    const account = accountByMemberId(seed, member.id);
    const points = account ? `${account.points.balance} ${seed.program.pointsName}` : 'no loyalty account';
    return `  ${fullName(member).padEnd(18)} ${member.loginEmail.padEnd(30)} ${points}`;
  });
  console.log(
    [
      `Wix sandbox listening on ${sandbox.origin}`,
      `  API key:   ${apiKey}`,
      `  Site id:   ${SANDBOX_SITE_ID}`,
      `  Client id: ${SANDBOX_CLIENT_ID}`,
      'Demo members:',
      ...lines,
      `Control: ${sandbox.origin}/_sandbox/health, /_sandbox/members, POST /_sandbox/reset`,
    ].join('\n'),
  );

  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
