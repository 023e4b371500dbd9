import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SANDBOX_DEFAULT_API_KEY } from '@/lib/sandbox/identity';
import { EarnPage } from './pages/earn-page';
import { sandbox } from './support/sandbox';

/** The e2e server runs with the sandbox's default key; it must not appear anywhere a browser can reach. */
const API_KEY = SANDBOX_DEFAULT_API_KEY;

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

test('no file the build serves to browsers contains the API key', async () => {
  const files = await filesUnder(path.join(process.cwd(), '.next', 'static'));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    expect(await readFile(file, 'utf8'), file).not.toContain(API_KEY);
  }
});

test('no page, API response or error message contains the API key', async ({ page }) => {
  await sandbox.reset();
  const bodies: string[] = [];
  page.on('response', async (response) => {
    bodies.push(await response.text().catch(() => ''));
  });
  const earn = new EarnPage(page);
  await earn.open();
  await earn.card.signInAs('Elena Rodriguez');
  await sandbox.injectFault({ pathPrefix: '/loyalty-social-media', method: 'POST', status: 500, times: 1 });
  await earn.claimButton('follow-instagram').click();
  await expect(earn.status).toContainText('not answering');
  await sandbox.clearFaults();
  const apiBody = await (await page.request.get('/api/loyalty/account')).text();

  expect(bodies.length).toBeGreaterThan(3);
  for (const body of [...bodies, apiBody, await page.content()]) expect(body).not.toContain(API_KEY);
});
