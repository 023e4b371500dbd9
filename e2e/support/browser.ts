import { existsSync } from 'node:fs';

/**
 * How the tests start Chromium: Debian's when present, since the browser download of
 * `npx playwright install` is not reachable from the build machines.
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
  args: [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
