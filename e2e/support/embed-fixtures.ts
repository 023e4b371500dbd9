import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, chromium } from '@playwright/test';
import { startHostServer, type RunningHost } from '@/demo/host-server';
import { storefrontPage } from '@/demo/storefront-page';
import { CHROMIUM_LAUNCH_OPTIONS } from './browser';
import { BASE_URL, E2E_HOST_PORT, E2E_OTHER_HOST_PORT } from './env';

/** A site on another origin than the app, serving whatever pages a test puts on it. */
export type HostSite = {
  origin: string;
  /** Serves `html` at `pathname` from now on and returns its URL. */
  serve(pathname: string, html: string): string;
};

async function startHostSite(port: number): Promise<HostSite & RunningHost> {
  const pages = new Map<string, string>([['/', storefrontPage({ appOrigin: BASE_URL })]]);
  const running = await startHostServer({ port, pages: (url) => pages.get(url.pathname) ?? null });
  return {
    ...running,
    serve(pathname, html) {
      pages.set(pathname, html);
      return `${running.origin}${pathname}`;
    },
  };
}

function hostSiteOn(port: number) {
  return async ({}, provide: (site: HostSite) => Promise<void>) => {
    const site = await startHostSite(port);
    await provide(site);
    await site.close();
  };
}

/**
 * Chromium as a shopper who blocks third-party cookies runs it: a real profile whose preferences say
 * "block third-party cookies" before the browser starts (the setting Safari, Firefox and Brave apply by
 * default). Each test gets a fresh profile. The host sites live for the worker: `allowedHost` is in the
 * app's `EMBED_ALLOWED_ORIGINS`, `otherHost` is not.
 */
export const test = base.extend<object, { allowedHost: HostSite; otherHost: HostSite }>({
  allowedHost: [hostSiteOn(E2E_HOST_PORT), { scope: 'worker' }],
  otherHost: [hostSiteOn(E2E_OTHER_HOST_PORT), { scope: 'worker' }],
  context: async ({}, provide) => {
    const profile = await mkdtemp(path.join(tmpdir(), 'loyalty-e2e-profile-'));
    await mkdir(path.join(profile, 'Default'));
    await writeFile(
      path.join(profile, 'Default', 'Preferences'),
      JSON.stringify({ profile: { cookie_controls_mode: 1 } }),
    );
    const context = await chromium.launchPersistentContext(profile, {
      ...CHROMIUM_LAUNCH_OPTIONS,
      headless: true,
      baseURL: BASE_URL,
      viewport: { width: 1280, height: 1000 },
    });
    // The host page's view of the widget: every `loyalty:*` event, in order.
    await context.addInitScript(() => {
      if (window !== window.top) return;
      const seen: { type: string; view: string | null; detail: unknown }[] = [];
      Object.assign(window, { __loyaltyEvents: seen });
      for (const type of [
        'loyalty:ready',
        'loyalty:signed-in',
        'loyalty:signed-out',
        'loyalty:points-changed',
      ]) {
        document.addEventListener(type, (event) => {
          const target = event.target as Element;
          seen.push({ type, view: target.getAttribute('data-view'), detail: (event as CustomEvent).detail });
        });
      }
    });
    await provide(context);
    await context.close();
    await rm(profile, { recursive: true, force: true });
  },
  page: async ({ context }, provide) => {
    await provide(context.pages()[0] ?? (await context.newPage()));
  },
});

export { expect } from '@playwright/test';
