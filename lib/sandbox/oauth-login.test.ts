import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_IDS, DEMO_CONTACT_IDS, DEMO_MEMBER_IDS } from './seed';
import { SANDBOX_CLIENT_ID } from '@/lib/sandbox/identity';
import {
  loginAs,
  memberButtons,
  oauthClient,
  REDIRECT_URI,
  sdkError,
  submitLoginForm,
} from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';

const sandbox = setUpRoutedSandbox();

describe('hosted login (PKCE)', () => {
  it('signs a member in and serves their account and member profile', async () => {
    const client = oauthClient();
    const { tokens } = await loginAs(client, 'Johna Linskey');
    expect(tokens.refreshToken.role).toBe('member');
    expect(client.auth.loggedIn()).toBe(true);

    const { account } = await client.accounts.getCurrentMemberAccount();
    expect(account?._id).toBe(DEMO_ACCOUNT_IDS.johna);
    expect(account?.memberId).toBe(DEMO_MEMBER_IDS.johna);
    expect(account?.points?.balance).toBe(1250);
    expect(account?._createdDate).toBeInstanceOf(Date);
    expect(account?.pointsExpiration?.expirationDate).toBeInstanceOf(Date);

    const { member } = await client.members.getCurrentMember({ fieldsets: ['FULL'] });
    expect(member?._id).toBe(DEMO_MEMBER_IDS.johna);
    expect(member?.contactId).toBe(DEMO_CONTACT_IDS.johna);
    expect(member?.loginEmail).toBe('johna.linskey@yopmail.com');
    expect(member?.profile?.nickname).toBe('Johna Linskey');
    expect(member?._createdDate).toBeInstanceOf(Date);
  });

  it('omits loginEmail when no fieldset is asked for, as the PUBLIC fieldset does', async () => {
    const client = oauthClient();
    await loginAs(client, 'Elena Rodriguez');
    const { member } = await client.members.getCurrentMember();
    expect(member?._id).toBe(DEMO_MEMBER_IDS.elena);
    expect(member?.loginEmail).toBeUndefined();
  });

  it('points the auth URL at the sandbox login page, which lists every demo member', async () => {
    const client = oauthClient();
    const oauthData = client.auth.generateOAuthData(REDIRECT_URI);
    const { authUrl } = await client.auth.getAuthUrl(oauthData, { responseMode: 'query' });
    expect(authUrl.startsWith(`${sandbox.origin}/_sandbox/login?session=`)).toBe(true);

    const page = await fetch(authUrl);
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<title>Wix sandbox — sign in</title>');
    expect(html).toContain('johna.linskey@yopmail.com');
    expect(memberButtons(html)).toEqual({
      'Johna Linskey': DEMO_MEMBER_IDS.johna,
      'Aigneis Johnsson': DEMO_MEMBER_IDS.aigneis,
      'Elena Rodriguez': DEMO_MEMBER_IDS.elena,
      'Noah Newcomer': DEMO_MEMBER_IDS.noah,
    });
    expect(html).toMatch(/<button[^>]*value="cancel"[^>]*>Cancel<\/button>/);
  });

  it('returns code and state in the fragment when the app asks for fragment mode', async () => {
    const client = oauthClient();
    const oauthData = client.auth.generateOAuthData(REDIRECT_URI);
    const { authUrl } = await client.auth.getAuthUrl(oauthData, { responseMode: 'fragment' });
    const response = await submitLoginForm(authUrl, { memberId: DEMO_MEMBER_IDS.aigneis });
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location.startsWith(`${REDIRECT_URI}#`)).toBe(true);
    const { code, state } = client.auth.parseFromUrl(location, 'fragment');
    expect(state).toBe(oauthData.state);
    const tokens = await client.auth.getMemberTokens(code ?? '', state ?? '', oauthData);
    client.auth.setTokens(tokens);
    const { account } = await client.accounts.getCurrentMemberAccount();
    expect(account?._id).toBe(DEMO_ACCOUNT_IDS.aigneis);
  });

  it('sends access_denied with the state back when the member cancels', async () => {
    const client = oauthClient();
    const oauthData = client.auth.generateOAuthData(REDIRECT_URI);
    const { authUrl } = await client.auth.getAuthUrl(oauthData, { responseMode: 'query' });
    const response = await submitLoginForm(authUrl, { action: 'cancel' });
    const parsed = client.auth.parseFromUrl(response.headers.get('location') ?? '', 'query');
    expect(parsed.error).toBe('access_denied');
    expect(parsed.errorDescription).toBeTruthy();
    expect(parsed.state).toBe(oauthData.state);
    expect(parsed.code).toBeNull();
  });

  it('answers an unknown or used session with a 400 page', async () => {
    const unknown = await fetch(`${sandbox.origin}/_sandbox/login?session=nope`);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('invalid, was already used, or has expired');

    const client = oauthClient();
    const { authUrl } = await client.auth.getAuthUrl(client.auth.generateOAuthData(REDIRECT_URI));
    await submitLoginForm(authUrl, { memberId: DEMO_MEMBER_IDS.johna });
    expect((await fetch(authUrl)).status).toBe(400);
  });

  it('rejects a wrong code verifier, and the code cannot be reused afterwards', async () => {
    const client = oauthClient();
    const oauthData = client.auth.generateOAuthData(REDIRECT_URI);
    const { authUrl } = await client.auth.getAuthUrl(oauthData, { responseMode: 'query' });
    const response = await submitLoginForm(authUrl, { memberId: DEMO_MEMBER_IDS.johna });
    const { code, state } = client.auth.parseFromUrl(response.headers.get('location') ?? '', 'query');

    const forged = { ...oauthData, codeVerifier: client.auth.generateOAuthData(REDIRECT_URI).codeVerifier };
    const wrong = await sdkError(client.auth.getMemberTokens(code ?? '', state ?? '', forged));
    expect(wrong.message).toContain('PKCE verification failed');

    const reused = await sdkError(client.auth.getMemberTokens(code ?? '', state ?? '', oauthData));
    expect(reused.message).toContain('invalid_grant');
  });

  it('rejects a code exchanged with another redirect URI', async () => {
    const client = oauthClient();
    const oauthData = client.auth.generateOAuthData(REDIRECT_URI);
    const { authUrl } = await client.auth.getAuthUrl(oauthData, { responseMode: 'query' });
    const response = await submitLoginForm(authUrl, { memberId: DEMO_MEMBER_IDS.johna });
    const { code, state } = client.auth.parseFromUrl(response.headers.get('location') ?? '', 'query');
    const error = await sdkError(
      client.auth.getMemberTokens(code ?? '', state ?? '', {
        ...oauthData,
        redirectUri: 'http://evil.test/cb',
      }),
    );
    expect(error.message).toContain('redirectUri does not match');
  });

  it('rejects an unknown OAuth client id on the token endpoint', async () => {
    const client = oauthClient('00000000-0000-4000-8000-000000000000');
    const error = await sdkError(client.auth.generateVisitorTokens());
    expect(error.message).toContain('invalid_client');
  });

  it('revokes the member session on logout and redirects to the post-flow URL', async () => {
    const client = oauthClient();
    const { tokens } = await loginAs(client, 'Johna Linskey');
    const { logoutUrl } = await client.auth.logout('http://localhost:3999/bye');
    expect(logoutUrl.startsWith(`${sandbox.origin}/_sandbox/logout?session=`)).toBe(true);

    const response = await fetch(logoutUrl, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://localhost:3999/bye');

    const revoked = await fetch(`${sandbox.origin}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: SANDBOX_CLIENT_ID,
        grantType: 'refresh_token',
        refreshToken: tokens.refreshToken.value,
      }),
    });
    expect(revoked.status).toBe(400);
    expect(((await revoked.json()) as { error: string }).error).toBe('invalid_grant');
    const stale = await fetch(`${sandbox.origin}/loyalty-accounts/v1/accounts/my-account`, {
      headers: { authorization: tokens.accessToken.value },
    });
    expect(stale.status).toBe(401);
  });
});

describe('identities on member endpoints', () => {
  it('refuses a visitor token on getCurrentMemberAccount with 403', async () => {
    const visitor = oauthClient();
    const error = await sdkError(visitor.accounts.getCurrentMemberAccount());
    expect(error.status).toBe(403);
    expect(error.details?.applicationError?.code).toBe('PERMISSION_DENIED');
  });

  it('answers getCurrentMember for a visitor with the NOT_FOUND code @wix/members declares', async () => {
    const visitor = oauthClient();
    const error = await sdkError(visitor.members.getCurrentMember());
    expect(error.status).toBe(404);
    expect(error.details?.applicationError?.code).toBe('NOT_FOUND');
  });

  it('gives the member without a loyalty account a 404 ACCOUNT_NOT_FOUND', async () => {
    const client = oauthClient();
    await loginAs(client, 'Noah Newcomer');
    const error = await sdkError(client.accounts.getCurrentMemberAccount());
    expect(error.status).toBe(404);
    expect(error.details?.applicationError?.code).toBe('ACCOUNT_NOT_FOUND');
    const { member } = await client.members.getCurrentMember();
    expect(member?._id).toBe(DEMO_MEMBER_IDS.noah);
  });

  it('rejects a forged access token with 401', async () => {
    const response = await fetch(`${sandbox.origin}/loyalty-accounts/v1/accounts/my-account`, {
      headers: { authorization: 'not-a-real-token' },
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { details: { applicationError: { code: string } } };
    expect(body.details.applicationError.code).toBe('UNAUTHENTICATED');
  });
});
