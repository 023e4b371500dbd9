import 'server-only';
import { getAdminClient } from '@/lib/wix/clients';
import { probe } from './probe';
import { row, type CheckRow } from './report';

/** `WIX_API_KEY` and `WIX_SITE_ID` belong together: with them the app reads the site's loyalty program. */
export async function checkApiKey(): Promise<CheckRow> {
  const name = 'API key and site id';
  const outcome = await probe(() => getAdminClient().programs.getLoyaltyProgram());
  if (outcome.kind === 'answered') {
    const program = outcome.value.loyaltyProgram;
    const named = `they read the program “${program?.name ?? 'unnamed'}”`;
    return program?.status === 'ACTIVE'
      ? row(name, 'ok', `${named}, active`)
      : row(
          name,
          'warn',
          `${named}, which is not active: members can neither earn nor spend. Fix: activate it in the dashboard.`,
        );
  }
  if (outcome.kind === 'unauthenticated') {
    return row(
      name,
      'FAILED',
      `Wix did not accept them (${outcome.detail}). Fix: check WIX_API_KEY, and that WIX_SITE_ID is a site of the key’s account.`,
    );
  }
  if (outcome.kind === 'forbidden') {
    return row(
      name,
      'FAILED',
      `Wix refused the API key the program (${outcome.detail}). Fix: give the key the Wix Loyalty permissions for this site.`,
    );
  }
  if (outcome.kind === 'unavailable') {
    return row(name, 'FAILED', `Wix did not answer (${outcome.detail}). Fix: run the doctor again.`);
  }
  return row(
    name,
    'FAILED',
    `Wix answered ${outcome.detail} for the program. Fix: install Wix Loyalty on the site and set its program up.`,
  );
}
