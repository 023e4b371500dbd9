import { randomUUID } from 'node:crypto';

export interface AuthSession {
  kind: 'auth';
  id: string;
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  responseMode: 'query' | 'fragment';
  expiresAt: number;
}

export interface LogoutSession {
  kind: 'logout';
  id: string;
  postFlowUrl: string | undefined;
  /** The refresh token behind the access token that asked to log out, revoked when the page is visited. */
  refreshToken: string | undefined;
  expiresAt: number;
}

export type RedirectSession = AuthSession | LogoutSession;

/** Matches the time a shopper may reasonably spend on a hosted login page. */
const SESSION_TTL_MS = 15 * 60 * 1000;

type NewSession = Omit<AuthSession, 'id' | 'expiresAt'> | Omit<LogoutSession, 'id' | 'expiresAt'>;

export class RedirectSessionStore {
  private readonly sessions = new Map<string, RedirectSession>();

  constructor(private readonly now: () => number = Date.now) {}

  create(session: NewSession): RedirectSession {
    const created = {
      ...session,
      id: randomUUID(),
      expiresAt: this.now() + SESSION_TTL_MS,
    } as RedirectSession;
    this.sessions.set(created.id, created);
    return created;
  }

  get(id: string): RedirectSession | undefined {
    const session = this.sessions.get(id);
    if (session && this.now() >= session.expiresAt) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  /** Sessions are single use, like a Wix hosted-login link. */
  consume(id: string): void {
    this.sessions.delete(id);
  }
}
