import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeWixTrafficToSandbox } from './route-wix-traffic';
import { DEMO_ACCOUNT_IDS, DEMO_CONTACT_IDS } from './seed';
import { startSandbox, type RunningSandbox } from './server';
import { SANDBOX_SITE_ID } from '@/lib/sandbox/identity';
import { adminClient } from '@/lib/sandbox/sdk-clients';
import { TEST_API_KEY } from '@/testing/routed-sandbox';

let first: RunningSandbox;
let second: RunningSandbox;
let bystander: Server;
let bystanderOrigin: string;

beforeAll(async () => {
  first = await startSandbox({ port: 0, apiKey: TEST_API_KEY });
  second = await startSandbox({ port: 0, apiKey: 'second-key' });
  bystander = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ bystander: true, url: req.url }));
  });
  await new Promise<void>((resolve) => bystander.listen(0, '127.0.0.1', resolve));
  bystanderOrigin = `http://127.0.0.1:${(bystander.address() as AddressInfo).port}`;
  routeWixTrafficToSandbox(first.origin);
});

afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
  await new Promise((resolve) => bystander.close(resolve));
});

const causeOf = async (request: Promise<Response>): Promise<string> => {
  try {
    await request;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : String(error);
  }
  throw new Error('expected the request to be refused');
};

describe('routeWixTrafficToSandbox', () => {
  it("routes Node's global fetch for www and edge wixapis.com, keeping path and query", async () => {
    const headers = { authorization: TEST_API_KEY, 'wix-site-id': SANDBOX_SITE_ID };
    for (const host of ['www.wixapis.com', 'edge.wixapis.com']) {
      const response = await fetch(
        `https://${host}/loyalty-accounts/v1/accounts/fetch-by?contactId=${DEMO_CONTACT_IDS.aigneis}`,
        { headers },
      );
      expect(response.status).toBe(200);
      expect(((await response.json()) as { account: { id: string } }).account.id).toBe(
        DEMO_ACCOUNT_IDS.aigneis,
      );
    }
  });

  it('fails closed for any other Wix host, naming it', async () => {
    expect(await causeOf(fetch('https://manage.wixapis.com/anything'))).toContain('manage.wixapis.com');
    expect(await causeOf(fetch('https://www.wix.com/_api/anything'))).toContain('www.wix.com');
    expect(await causeOf(fetch('https://wixapis.com/x'))).toContain('refused');
  });

  it('lets other hosts through untouched', async () => {
    const response = await fetch(`${bystanderOrigin}/hello?x=1`);
    expect(await response.json()).toEqual({ bystander: true, url: '/hello?x=1' });
  });

  it('replaces the previous route when called again', async () => {
    routeWixTrafficToSandbox(second.origin);
    try {
      const error = await adminClient(TEST_API_KEY)
        .programs.getLoyaltyProgram()
        .catch((e: unknown) => e);
      expect((error as { status?: number }).status).toBe(401);
      const ok = await adminClient('second-key').programs.getLoyaltyProgram();
      expect(ok.loyaltyProgram?.name).toBe('Star Rewards');
    } finally {
      routeWixTrafficToSandbox(first.origin);
    }
    expect((await adminClient(TEST_API_KEY).programs.getLoyaltyProgram()).loyaltyProgram?.status).toBe(
      'ACTIVE',
    );
  });
});
