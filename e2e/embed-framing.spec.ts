import type { Page } from '@playwright/test';
import { SANDBOX_DEFAULT_API_KEY } from '@/lib/sandbox/identity';
import { EmbedHostPage } from './pages/embed-host-page';
import { BASE_URL } from './support/env';
import { expect, test } from './support/embed-fixtures';
import { sandbox } from './support/sandbox';

/** Who may frame what, as Chromium enforces it, and the door of the widget's state-changing routes. */

test.beforeEach(async () => {
  await sandbox.reset();
});

/**
 * What Chromium reports when it refuses to show the app in a frame: the frame's request fails as blocked
 * by the response, and the console names the policy that blocked it.
 */
function framingRefusals(page: Page): { blocked: string[]; policies: string[] } {
  const refusals = { blocked: [] as string[], policies: [] as string[] };
  page.on('requestfailed', (request) => {
    if (
      request.url().startsWith(BASE_URL) &&
      request.failure()?.errorText === 'net::ERR_BLOCKED_BY_RESPONSE'
    ) {
      refusals.blocked.push(request.url());
    }
  });
  page.on('console', (message) => {
    if (message.text().includes('frame-ancestors')) refusals.policies.push(message.text());
  });
  return refusals;
}

test('a host origin that is not in the allow-list cannot frame /embed', async ({
  page,
  allowedHost,
  otherHost,
}) => {
  const refusals = framingRefusals(page);
  await page.goto(otherHost.origin);
  await expect.poll(() => refusals.blocked.length).toBe(2);
  expect(refusals.blocked.every((url) => url.startsWith(`${BASE_URL}/embed?`))).toBe(true);
  await expect
    .poll(() => refusals.policies.join('\n'))
    .toContain(`frame-ancestors 'self' ${allowedHost.origin}`);
  const host = new EmbedHostPage(page);
  await expect(host.card.getByTestId('loyalty-card')).toHaveCount(0);
  expect(page.frames().filter((frame) => frame.url().startsWith(BASE_URL))).toHaveLength(0);

  // The same page from an allowed origin shows the widget, and nothing more is refused.
  await host.open(allowedHost.origin);
  expect(refusals.blocked).toHaveLength(2);
});

for (const path of ['/', '/earn', '/auth/error']) {
  test(`${path} cannot be framed at all, not even by an allowed host`, async ({
    page,
    allowedHost,
    request,
  }) => {
    const refusals = framingRefusals(page);
    const url = allowedHost.serve(
      `/frames${path}`,
      `<!doctype html><title>frames ${path}</title><iframe title="app page" src="${BASE_URL}${path}"></iframe>`,
    );
    await page.goto(url);
    await expect.poll(() => refusals.blocked).toEqual([`${BASE_URL}${path}`]);
    await expect.poll(() => refusals.policies.join('\n')).toContain(`frame-ancestors 'none'`);
    expect(page.frames().filter((frame) => frame.url().startsWith(BASE_URL))).toHaveLength(0);

    const response = await request.get(`${BASE_URL}${path}`);
    expect(response.headers()['x-frame-options']).toBe('DENY');
    expect(response.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  });
}

test('/embed names the allowed origins in frame-ancestors and loads only its own script', async ({
  request,
  allowedHost,
}) => {
  const response = await request.get(`${BASE_URL}/embed?view=card`);
  const policy = response.headers()['content-security-policy']!;
  expect(policy).toContain(`frame-ancestors 'self' ${allowedHost.origin};`);
  expect(policy).toContain("script-src 'self'");
  expect(response.headers()['x-frame-options']).toBeUndefined();
  expect([...(await response.text()).matchAll(/<script[^>]*>/g)].map((match) => match[0])).toEqual([
    '<script src="/embed-frame.js" defer>',
  ]);
});

test.describe("the widget's state-changing routes", () => {
  for (const route of ['claim', 'join', 'sso', 'session', 'sign-out']) {
    test(`/embed/api/${route} refuses a post from another origin and changes nothing`, async ({
      request,
    }) => {
      const before = await sandbox.state();
      const response = await request.post(`${BASE_URL}/embed/api/${route}`, {
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        data: { offerId: 'follow-instagram', token: 'x', code: 'x', nonce: 'x' },
      });
      expect(response.status()).toBe(403);
      expect(await response.json()).toEqual({ ok: false, code: 'FORBIDDEN_ORIGIN' });
      expect(response.headers()['set-cookie']).toBeUndefined();
      expect(await sandbox.state()).toEqual(before);
    });
  }

  test('a post that is not JSON, or not JSON the route reads, is answered 400', async ({ request }) => {
    const origin = BASE_URL;
    for (const [contentType, data] of [
      ['application/x-www-form-urlencoded', 'offerId=follow-instagram'],
      ['application/json', '{"offerId":'],
      ['application/json', JSON.stringify({ offerId: 'x'.repeat(20_000) })],
    ] as const) {
      const response = await request.post(`${BASE_URL}/embed/api/claim`, {
        headers: { origin, 'content-type': contentType },
        // A Buffer goes out as is; a string with a JSON content type would be encoded again.
        data: Buffer.from(data),
      });
      expect(response.status(), `${contentType} ${data.slice(0, 20)}`).toBe(400);
      expect((await response.json()).code).toBe('MALFORMED_REQUEST');
    }
    const wrongShape = await request.post(`${BASE_URL}/embed/api/session`, {
      headers: { origin, 'content-type': 'application/json' },
      data: { code: 42 },
    });
    expect(wrongShape.status()).toBe(400);
  });
});

test('no widget document, script or reply contains the API key', async ({ request }) => {
  const bodies = await Promise.all(
    [
      '/embed.js',
      '/embed-launcher.js',
      '/embed-frame.js',
      '/embed?view=card',
      '/embed?view=earn',
      '/embed/api/view?view=earn',
    ].map(async (path) => (await request.get(`${BASE_URL}${path}`)).text()),
  );
  expect(bodies.every((body) => body.length > 100)).toBe(true);
  for (const body of bodies) expect(body).not.toContain(SANDBOX_DEFAULT_API_KEY);
});
