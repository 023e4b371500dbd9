import { SANDBOX_CLIENT_ID, SANDBOX_SITE_ID } from './identity';
import { createSeedState } from './seed';
import { accountByMemberId, fullName } from './state';

/** What a developer needs to use a running sandbox: where it is, its key, and whom to sign in as. */
export function describeSandbox(origin: string, apiKey: string): string {
  const seed = createSeedState();
  const lines = seed.members.map((member) => {
    const account = accountByMemberId(seed, member.id);
    const points = account ? `${account.points.balance} ${seed.program.pointsName}` : 'no loyalty account';
    return `  ${fullName(member).padEnd(18)} ${member.loginEmail.padEnd(30)} ${points}`;
  });
  return [
    `Wix sandbox listening on ${origin}`,
    `  API key:   ${apiKey} (a local development key, not a Wix secret)`,
    `  Site id:   ${SANDBOX_SITE_ID}`,
    `  Client id: ${SANDBOX_CLIENT_ID}`,
    'Demo members:',
    ...lines,
    `Control: ${origin}/_sandbox/health, /_sandbox/members, POST /_sandbox/reset`,
  ].join('\n');
}
