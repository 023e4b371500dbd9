import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkout } from '@wix/ecom';
import * as loyalty from '@wix/loyalty';
import { members } from '@wix/members';
import type { Tokens } from '@wix/sdk';
import { describe, expect, it } from 'vitest';
import { createMemberClient, getAdminClient } from './clients';
import { REFERRAL_ENDPOINTS } from './referrals';
import { callKey, WIX_CALLS, type WixIdentity } from './wix-calls';

/**
 * Holds `WIX_CALLS` to the code: every SDK method the product calls (`<receiver>.<module>.<method>(`, the
 * receiver naming the identity) must be listed with that identity, and every listed call must still be made,
 * so the doctor checks exactly what the app does.
 */
const ROOT = join(__dirname, '..', '..');
const PRODUCT_DIRS = ['app', 'components', 'lib'];
/** Not the app's own calls: the Wix stand-in, and the doctor that calls every listed method on purpose. */
const NOT_PRODUCT = ['lib/sandbox/', 'lib/doctor/'];

const PACKAGES: Record<string, object> = { ...loyalty, checkout, members };

/** The modules the app's clients are built with, read from `clients.ts`. */
function clientModules(): Set<string> {
  const source = readFileSync(join(__dirname, 'clients.ts'), 'utf8');
  const lists = [...source.matchAll(/_MODULES\s*=\s*\{([^}]*)\}/g)].map((match) => match[1] ?? '');
  return new Set(lists.flatMap((list) => list.split(',').map((name) => name.trim())).filter(Boolean));
}

function productFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((path) => !NOT_PRODUCT.some((prefix) => path.startsWith(prefix)));
}

const RECEIVER_IDENTITY: Record<string, WixIdentity> = {
  getAdminClient: 'app',
  admin: 'app',
  createMemberClient: 'member',
  member: 'member',
};

/** The name a call's client expression ends in: `getAdminClient()` → getAdminClient, `member` → member. */
function receiverBefore(source: string, dot: number): string {
  let at = dot - 1;
  while (at >= 0 && /\s/.test(source[at]!)) at--;
  if (source[at] === ')') {
    for (let depth = 0; at >= 0; at--) {
      if (source[at] === ')') depth++;
      if (source[at] === '(' && --depth === 0) break;
    }
    at--;
  }
  const end = at + 1;
  while (at >= 0 && /\w/.test(source[at]!)) at--;
  return source.slice(at + 1, end);
}

type FoundCall = { key: string; where: string };

const lineOf = (source: string, index: number) => source.slice(0, index).split('\n').length;

/** REST calls through the door's `callWixRest(<client>, REFERRAL_ENDPOINTS.<name>`, the client naming the identity. */
function restCallsIn(path: string, source: string): FoundCall[] {
  const found: FoundCall[] = [];
  for (const match of source.matchAll(/callWixRest\(\s*(\w+)\([^)]*\)\s*,\s*REFERRAL_ENDPOINTS\.(\w+)/g)) {
    const [, receiver = '', name = ''] = match;
    const method = REFERRAL_ENDPOINTS[name as keyof typeof REFERRAL_ENDPOINTS]?.method ?? `unknown "${name}"`;
    const identity = RECEIVER_IDENTITY[receiver] ?? `unknown receiver "${receiver}"`;
    found.push({ key: `${method}@${identity}`, where: `${path}:${lineOf(source, match.index)}` });
  }
  return found;
}

function sdkCallsIn(path: string, modules: Set<string>): FoundCall[] {
  const source = readFileSync(join(ROOT, path), 'utf8');
  const found: FoundCall[] = restCallsIn(path, source);
  for (const match of source.matchAll(/\.\s*([a-zA-Z]\w*)\s*\.\s*([a-zA-Z]\w*)\s*\(/g)) {
    const [, module = '', method = ''] = match;
    // `onAccountCreated(handler)` registers a webhook handler: no request to Wix.
    if (!modules.has(module) || /^on[A-Z]/.test(method)) continue;
    if (typeof (PACKAGES[module] as Record<string, unknown>)[method] !== 'function') continue;
    const receiver = receiverBefore(source, match.index);
    const identity = RECEIVER_IDENTITY[receiver] ?? `unknown receiver "${receiver}"`;
    found.push({ key: `${module}.${method}@${identity}`, where: `${path}:${lineOf(source, match.index)}` });
  }
  return found;
}

describe('the Wix calls the doctor checks', () => {
  const modules = clientModules();
  const calls = PRODUCT_DIRS.flatMap(productFiles).flatMap((path) => sdkCallsIn(path, modules));
  const listed = new Set<string>(WIX_CALLS.map(callKey));

  it('list every SDK call the product makes, with its identity', () => {
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.filter((call) => !listed.has(call.key))).toEqual([]);
  });

  it('list no call the product no longer makes', () => {
    const made = new Set(calls.map((call) => call.key));
    expect([...listed].filter((key) => !made.has(key))).toEqual([]);
  });

  it('name methods the client of that identity has', () => {
    const tokens: Tokens = {
      accessToken: { value: 'unused', expiresAt: 0 },
      refreshToken: { value: 'unused', role: 'member' as Tokens['refreshToken']['role'] },
    };
    const clients = { app: getAdminClient(), member: createMemberClient(tokens) };
    const restMethods = new Set<string>(Object.values(REFERRAL_ENDPOINTS).map((endpoint) => endpoint.method));
    const missing = WIX_CALLS.filter((call) => {
      // A REST call needs the client's authenticated fetch and an endpoint the door defines.
      if (call.method.startsWith('referrals.')) {
        return !restMethods.has(call.method) || typeof clients[call.identity].fetchWithAuth !== 'function';
      }
      const [module, method] = call.method.split('.') as [string, string];
      const client = clients[call.identity] as unknown as Record<string, Record<string, unknown> | undefined>;
      return typeof client[module]?.[method] !== 'function';
    });
    expect(missing).toEqual([]);
  });
});
