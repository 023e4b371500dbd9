import 'server-only';
import { ConfigError, getConfig, type AppConfig } from '@/lib/config/env';
import { createMemberClient } from '@/lib/wix/clients';
import { checkApiKey } from './check-api-key';
import { checkEmbed } from './check-embed';
import { checkWixMethods, type Member } from './check-methods';
import { checkRedis } from './check-redis';
import { checkHostedLogin, checkOAuthClient, memberTokens } from './check-sign-in';
import { checkWebhooks } from './check-webhooks';
import { row, type CheckRow } from './report';

export type DoctorReport = { title: string; rows: CheckRow[] };

function readConfig(): { config: AppConfig; row: CheckRow } | { config: null; row: CheckRow } {
  try {
    const config = getConfig();
    const mode = config.mode === 'wix' ? `Wix mode, site ${config.wix.siteId}` : 'sandbox mode';
    return { config, row: row('config', 'ok', `every variable is valid: ${mode}`) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // The message names each faulty variable and what it must be; it never holds a secret's value.
    const fix = 'Fix: correct the variables it names (.env.example describes each).';
    return { config: null, row: row('config', 'FAILED', `${error.message.replace(/\.?$/, '.')} ${fix}`) };
  }
}

/**
 * Checks this process's configuration against Wix (the real site, or the sandbox it names) and says what to
 * fix: the configuration, the OAuth client, the API key, every Wix call the app makes with the identity it
 * makes it with (the member's calls with `memberId`'s tokens), webhooks, the embed and Redis.
 */
export async function runDoctor({ memberId }: { memberId: string | null }): Promise<DoctorReport> {
  const read = readConfig();
  const { config } = read;
  if (!config) return { title: 'Doctor: the configuration is invalid', rows: [read.row] };
  const rows = [read.row];
  const upstream =
    config.mode === 'wix' ? `Wix site ${config.wix.siteId}` : `sandbox at ${config.sandbox.origin}`;
  const title = `Doctor: ${upstream}${memberId ? `, member ${memberId}` : ''}`;

  if (config.mode === 'sandbox') {
    // Loaded only here, as at boot: in Wix mode nothing of the sandbox runs, so nothing reroutes the calls.
    const { isSandboxAnswering } = await import('@/lib/boot/ensure-sandbox');
    const { routeWixTrafficToSandbox } = await import('@/lib/sandbox/route-wix-traffic');
    const { origin } = config.sandbox;
    if (!(await isSandboxAnswering(origin))) {
      const fix = 'Fix: start it (npm run sandbox, or npm run dev), or set WIX_SANDBOX_PORT to its port.';
      return { title, rows: [...rows, row('sandbox', 'FAILED', `nothing answers at ${origin}. ${fix}`)] };
    }
    rows.push(row('sandbox', 'ok', `answering at ${origin}`));
    routeWixTrafficToSandbox(origin);
  }

  const publicOrigin = config.appUrl ? new URL(config.appUrl).origin : null;
  const [oauth, login, apiKey, signedIn] = await Promise.all([
    checkOAuthClient(),
    checkHostedLogin(`${publicOrigin ?? `http://localhost:${config.port}`}/auth/callback`),
    checkApiKey(),
    memberId ? memberTokens(memberId) : null,
  ]);
  rows.push(oauth, login, apiKey, ...(signedIn ? [signedIn.row] : []));

  const member: Member = signedIn?.tokens
    ? { client: createMemberClient(signedIn.tokens), missing: '' }
    : {
        client: null,
        missing: signedIn
          ? 'not called: Wix did not sign the member in (see member tokens)'
          : 'run with --member <member id> to check the member’s calls',
      };
  const [methods, webhooks, redis] = await Promise.all([
    checkWixMethods(member),
    checkWebhooks(config, publicOrigin),
    checkRedis(config.redisUrl),
  ]);
  return { title, rows: [...rows, ...methods, ...webhooks, ...checkEmbed(config), redis] };
}
