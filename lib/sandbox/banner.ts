import { SANDBOX_CLIENT_ID, SANDBOX_SITE_ID } from './identity';
import { createSeedState } from './seed';
import { accountByMemberId, fullName } from './state';

/**
 * What a developer needs to use a running sandbox: where it is, its key, whom to sign in as, and the
 * public key its webhooks are signed with.
 */
export function describeSandbox(origin: string, apiKey: string, webhookPublicKey: string): string {
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
    `Control: ${origin}/_sandbox/health, /_sandbox/members, POST /_sandbox/reset, /_sandbox/webhooks`,
    'Webhooks are signed (RS256) with this public key (also at /_sandbox/webhooks/public-key):',
    webhookPublicKey,
  ].join('\n');
}
