import { randomBytes, randomUUID } from 'node:crypto';

export type Principal = { kind: 'visitor'; visitorId: string } | { kind: 'member'; memberId: string };

interface AccessRecord {
  principal: Principal;
  refreshToken: string;
  expiresAt: number;
}

interface CodeGrant {
  memberId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
}

/** The token endpoint's success body, snake_case as `@wix/sdk`'s OAuthStrategy reads it. */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  scope: 'offline_access';
}

/** Long enough to finish a login by hand, short enough that a leaked code is soon useless. */
const CODE_TTL_MS = 5 * 60 * 1000;

const opaqueToken = () => randomBytes(32).toString('base64url');

/**
 * Access tokens are opaque and expire after the configured TTL; refresh tokens live until revoked
 * (logout), so an expired access token can always be renewed, as with Wix's OAuth tokens.
 */
export class TokenStore {
  private readonly access = new Map<string, AccessRecord>();
  private readonly refreshTokens = new Map<string, Principal>();
  private readonly codes = new Map<string, CodeGrant & { expiresAt: number }>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  issueVisitorTokens(): TokenResponse {
    return this.issue({ kind: 'visitor', visitorId: randomUUID() });
  }

  issueMemberTokens(memberId: string): TokenResponse {
    return this.issue({ kind: 'member', memberId });
  }

  /** A new access token for a live refresh token; the refresh token itself is kept. */
  refresh(refreshToken: string): TokenResponse | undefined {
    const principal = this.refreshTokens.get(refreshToken);
    return principal && this.mintAccess(principal, refreshToken);
  }

  resolveAccessToken(token: string): { principal: Principal; refreshToken: string } | undefined {
    const record = this.access.get(token);
    if (!record) return undefined;
    if (this.now() >= record.expiresAt) {
      this.access.delete(token);
      return undefined;
    }
    return { principal: record.principal, refreshToken: record.refreshToken };
  }

  /** Revokes a refresh token and every access token minted from it. */
  revoke(refreshToken: string): void {
    this.refreshTokens.delete(refreshToken);
    for (const [token, record] of this.access) {
      if (record.refreshToken === refreshToken) this.access.delete(token);
    }
  }

  createCode(grant: CodeGrant): string {
    const code = opaqueToken();
    this.codes.set(code, { ...grant, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** Codes are single use: any exchange attempt, good or bad, burns the code. */
  takeCode(code: string): CodeGrant | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (!grant || this.now() >= grant.expiresAt) return undefined;
    return grant;
  }

  private issue(principal: Principal): TokenResponse {
    const refreshToken = opaqueToken();
    this.refreshTokens.set(refreshToken, principal);
    return this.mintAccess(principal, refreshToken);
  }

  private mintAccess(principal: Principal, refreshToken: string): TokenResponse {
    const accessToken = opaqueToken();
    // @wix/sdk keeps time in whole seconds and treats a token as live through the end of second
    // `floor(issuedAt) + expires_in`; expiring earlier would 401 tokens the SDK will not renew yet.
    const expiresAt = (Math.floor(this.now() / 1000) + this.ttlSeconds + 1) * 1000;
    this.access.set(accessToken, { principal, refreshToken, expiresAt });
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.ttlSeconds,
      refresh_token: refreshToken,
      scope: 'offline_access',
    };
  }
}
