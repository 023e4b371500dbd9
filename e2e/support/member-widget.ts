import { mintMemberToken } from '@/demo/member-token';
import { BASE_URL, E2E_SSO_SECRET } from './env';
import { sandbox } from './sandbox';

/** A signed member token for a demo member, as a storefront that knows its shopper would pass it. */
export async function memberTokenFor(name: string, audience: string = BASE_URL): Promise<string> {
  const { id } = await sandbox.member(name);
  return mintMemberToken({ secret: E2E_SSO_SECRET, memberId: id, audience });
}

/** A widget element (`attributes` such as `data-view="tiers"`) already signed in as the member. */
export async function memberWidget(name: string, attributes: string, audience?: string): Promise<string> {
  return `<div data-loyalty-widget ${attributes} data-member-token="${await memberTokenFor(name, audience)}"></div>`;
}
