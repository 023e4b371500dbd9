import { z } from 'zod';

/**
 * The only module that reads `process.env`. Wix mode needs all three Wix variables; with none of them
 * the app runs against the local sandbox. Anything in between is a mistake we refuse to guess about.
 */

const SANDBOX_CLIENT_ID = 'sandbox-oauth-client';
const SANDBOX_SITE_ID = 'sandbox-site';
export const SANDBOX_DEFAULT_API_KEY = 'sandbox-admin-api-key';

const nonEmpty = z.string().trim().min(1);
const optionalNonEmpty = z.preprocess((value) => (value === '' ? undefined : value), nonEmpty.optional());
const port = z.coerce.number().int().min(1).max(65_535);
const seconds = z.coerce.number().int().min(1).max(86_400);

const envSchema = z.object({
  WIX_CLIENT_ID: optionalNonEmpty,
  WIX_API_KEY: optionalNonEmpty,
  WIX_SITE_ID: optionalNonEmpty,
  WIX_SANDBOX_PORT: z.preprocess((value) => (value === '' ? undefined : value), port.default(4010)),
  WIX_SANDBOX_API_KEY: optionalNonEmpty,
  WIX_SANDBOX_TOKEN_TTL_SECONDS: z.preprocess((value) => (value === '' ? undefined : value), seconds.default(300)),
  APP_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url().optional()),
});

export type WixCredentials = { clientId: string; apiKey: string; siteId: string };

export type AppConfig =
  | { mode: 'wix'; wix: WixCredentials; appUrl?: string }
  | {
      mode: 'sandbox';
      wix: WixCredentials;
      sandbox: { port: number; origin: string; tokenTtlSeconds: number };
      appUrl?: string;
    };

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const WIX_VARIABLES = ['WIX_CLIENT_ID', 'WIX_API_KEY', 'WIX_SITE_ID'] as const;

/** Parses an environment into the app's configuration, or throws a ConfigError naming the bad variable. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  const present = WIX_VARIABLES.filter((name) => vars[name] !== undefined);
  const appUrl = vars.APP_URL;

  if (present.length === WIX_VARIABLES.length) {
    return {
      mode: 'wix',
      wix: { clientId: vars.WIX_CLIENT_ID!, apiKey: vars.WIX_API_KEY!, siteId: vars.WIX_SITE_ID! },
      appUrl,
    };
  }
  if (present.length > 0) {
    const missing = WIX_VARIABLES.filter((name) => vars[name] === undefined);
    throw new ConfigError(
      `Wix mode needs ${WIX_VARIABLES.join(', ')}; ${present.join(', ')} set but ${missing.join(', ')} missing. ` +
        'Set all three to use a Wix site, or none to use the local sandbox.',
    );
  }
  return {
    mode: 'sandbox',
    wix: {
      clientId: SANDBOX_CLIENT_ID,
      apiKey: vars.WIX_SANDBOX_API_KEY ?? SANDBOX_DEFAULT_API_KEY,
      siteId: SANDBOX_SITE_ID,
    },
    sandbox: {
      port: vars.WIX_SANDBOX_PORT,
      origin: `http://127.0.0.1:${vars.WIX_SANDBOX_PORT}`,
      tokenTtlSeconds: vars.WIX_SANDBOX_TOKEN_TTL_SECONDS,
    },
    appUrl,
  };
}

let cached: AppConfig | undefined;

/** The validated configuration of this process, read once. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
