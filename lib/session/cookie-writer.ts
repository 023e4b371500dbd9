import type { Tokens } from '@wix/sdk';
import {
  OAUTH_FLOW_COOKIE,
  encodeOAuthFlow,
  encodeSession,
  oauthFlowCookieAttributes,
  sessionCookieAttributes,
  sessionCookieName,
  type CookieAttributes,
  type CookieVariant,
  type OAuthFlow,
} from './cookies';

/** What can set a cookie: a `NextResponse`'s cookies, or `cookies()` inside a server action. */
export type CookieJar = { set(name: string, value: string, attributes: CookieAttributes): unknown };

export function writeSession(jar: CookieJar, tokens: Tokens, variant?: CookieVariant): void {
  jar.set(sessionCookieName(variant), encodeSession(tokens), sessionCookieAttributes(variant));
}

export function clearSession(jar: CookieJar, variant?: CookieVariant): void {
  jar.set(sessionCookieName(variant), '', { ...sessionCookieAttributes(variant), maxAge: 0 });
}

export function writeOAuthFlow(jar: CookieJar, flow: OAuthFlow, variant?: CookieVariant): void {
  jar.set(OAUTH_FLOW_COOKIE, encodeOAuthFlow(flow), oauthFlowCookieAttributes(variant));
}

export function clearOAuthFlow(jar: CookieJar, variant?: CookieVariant): void {
  jar.set(OAUTH_FLOW_COOKIE, '', { ...oauthFlowCookieAttributes(variant), maxAge: 0 });
}
