import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { SANDBOX_CLIENT_ID, SANDBOX_DEFAULT_API_KEY, SANDBOX_SITE_ID } from '@/lib/sandbox/identity';

/**
 * The only module that reads `process.env`. Wix mode needs all three Wix variables. Without them the app
 * runs against the local sandbox, but in production only when asked for with `WIX_SANDBOX=1`: a fake Wix
 * must never answer a real shop's requests because a deploy forgot its secrets. Anything in between is a
 * mistake we refuse to guess about.
 */

const nonEmpty = z.string().trim().min(1);
const optionalNonEmpty = z.preprocess((value) => (value === '' ? undefined : value), nonEmpty.optional());
const port = z.coerce.number().int().min(1).max(65_535);
const seconds = z.coerce.number().int().min(1).max(86_400);
const perMinute = z.coerce.number().int().min(1).max(100_000);
const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);

/**
 * Wix shows the webhook public key as PEM; deploy tools often store it on one line, with `\n` escapes or
 * base64-encoded (the SDK's `AppStrategy` accepts that form too). Normalised here to PEM, and refused at
 * start-up if it is not an RSA public key, rather than failing on the first webhook.
 */
export function normalisePublicKey(raw: string): string | null {
  const text = raw.trim().replaceAll('\\n', '\n');
  const pem = text.includes('-----BEGIN') ? text : Buffer.from(text, 'base64').toString('utf8').trim();
  try {
    return createPublicKey(pem).asymmetricKeyType === 'rsa' ? pem : null;
  } catch {
    return null;
  }
}

const publicKeyPem = nonEmpty.transform((raw, ctx) => {
  const pem = normalisePublicKey(raw);
  if (pem === null)
    ctx.addIssue({ code: 'custom', message: 'must be an RSA public key (PEM or base64 PEM)' });
  return pem ?? '';
});
const redisUrl = z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' });

/** `https://shop.example` or `http://127.0.0.1:5173`: scheme, host and port, as browsers send `Origin`. */
const webOrigin = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const url = URL.canParse(value) ? new URL(value) : null;
    const exact =
      url && ['http:', 'https:'].includes(url.protocol) && url.pathname === '/' && !url.search && !url.hash;
    if (exact && !url.username && !url.password) return url.origin;
    ctx.addIssue({ code: 'custom', message: `${value} is not an origin like https://shop.example` });
    return z.NEVER;
  });

const originList = z
  .string()
  .transform((value) => value.split(',').filter((entry) => entry.trim() !== ''))
  .pipe(z.array(webOrigin).max(50));

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const logLevel = z.enum(LOG_LEVELS);

/** Where a member's referral link lands: a storefront page, which the link gives a `?ref=` to. */
const landingUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** The collector's base URL; traces go to its `/v1/traces`, as the OpenTelemetry exporter variables say. */
const otlpEndpoint = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

function decodedOrNull(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** `key=value,key2=value2` (URL-encoded values), the OpenTelemetry form: a collector's API key, say. */
const otlpHeaders = z.string().transform((value, ctx) => {
  const headers: Record<string, string> = {};
  for (const pair of value.split(',').filter((entry) => entry.trim() !== '')) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = at > 0 ? decodedOrNull(pair.slice(at + 1).trim()) : null;
    if (value === null || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      // The value may be a secret: the message names the variable, never what it holds.
      ctx.addIssue({ code: 'custom', message: 'must be name=value pairs separated by commas' });
      return z.NEVER;
    }
    headers[name.toLowerCase()] = value;
  }
  return headers;
});

/** The demo host (`npm run demo:host`) may frame the widget in development without any configuration. */
/** An ISO 4217 code, as Wix and Intl write it. */
export const currencyCode = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code'));

export const DEVELOPMENT_EMBED_ORIGINS = ['http://127.0.0.1:5173'];

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  WIX_SANDBOX: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['0', '1']).optional()),
  WIX_CLIENT_ID: optionalNonEmpty,
  WIX_API_KEY: optionalNonEmpty,
  WIX_SITE_ID: optionalNonEmpty,
  WIX_SANDBOX_PORT: z.preprocess((value) => (value === '' ? undefined : value), port.default(4010)),
  WIX_SANDBOX_API_KEY: optionalNonEmpty,
  WIX_SANDBOX_TOKEN_TTL_SECONDS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    seconds.default(300),
  ),
  APP_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url().optional()),
  REFERRAL_LANDING_URL: z.preprocess(blankIsUnset, landingUrl.optional()),
  EARN_RATE_LIMIT_PER_MEMBER: z.preprocess(
    (value) => (value === '' ? undefined : value),
    perMinute.default(10),
  ),
  EARN_RATE_LIMIT_PER_IP: z.preprocess((value) => (value === '' ? undefined : value), perMinute.default(60)),
  TRUSTED_PROXY_HOPS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(0).max(10).default(0),
  ),
  LIVE_STREAMS_PER_MEMBER: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(10_000).optional()),
  PORT: z.preprocess(blankIsUnset, port.default(3000)),
  REDIS_URL: z.preprocess(blankIsUnset, redisUrl.optional()),
  WIX_WEBHOOK_PUBLIC_KEY: z.preprocess(blankIsUnset, publicKeyPem.optional()),
  EMBED_ALLOWED_ORIGINS: z.preprocess(blankIsUnset, originList.optional()),
  EMBED_SSO_SECRET: z.preprocess(
    blankIsUnset,
    z.string().min(32, 'must be at least 32 characters').optional(),
  ),
  EMBED_SSO_AUDIENCE: z.preprocess(blankIsUnset, z.string().trim().min(1).max(256).optional()),
  LOG_LEVEL: z.preprocess(blankIsUnset, logLevel.default('info')),
  METRICS_TOKEN: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .min(16, 'must be at least 16 characters')
      .optional(),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(blankIsUnset, otlpEndpoint.optional()),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.preprocess(
    blankIsUnset,
    z.enum(['http/protobuf', 'http/json']).default('http/protobuf'),
  ),
  OTEL_EXPORTER_OTLP_HEADERS: z.preprocess(blankIsUnset, otlpHeaders.optional()),
  OTEL_SERVICE_NAME: z.preprocess(blankIsUnset, z.string().trim().min(1).max(128).default('loyalty-widget')),
  STORE_CURRENCY: z.preprocess(blankIsUnset, currencyCode.default('USD')),
});

export type WixCredentials = { clientId: string; apiKey: string; siteId: string };

/** Earn attempts allowed per minute, per member and per client IP. */
export type EarnRateLimits = { perMember: number; perIp: number };

/** The embeddable widget: who may frame it, and the storefronts' shared secret for signed member tokens. */
export type EmbedConfig = {
  /** Origins allowed to frame `/embed`, besides the app's own. Empty: the app's own origin only. */
  allowedOrigins: string[];
  /** HS256 key of `data-member-token`; null turns that sign-in off. */
  ssoSecret: string | null;
  /** The `aud` a member token must carry; null means the app's public origin. */
  ssoAudience: string | null;
};

/** Logs, metrics and traces (`lib/observability`). */
export type ObservabilityConfig = {
  logLevel: LogLevel;
  /** The bearer token `/api/metrics` asks for; null keeps the route a 404. */
  metricsToken: string | null;
  /** Where spans go over OTLP/HTTP; null exports nothing. */
  traces: TraceExport | null;
  serviceName: string;
};

export type TraceExport = {
  /** The full traces URL: the endpoint's `/v1/traces`. */
  url: string;
  protocol: 'http/protobuf' | 'http/json';
  headers: Record<string, string>;
};

type SharedConfig = {
  appUrl?: string;
  /** The page a member's referral link lands on; unset, the app's own origin. */
  referralLandingUrl?: string;
  /** The port this server listens on (`next start` sets `PORT`); the sandbox posts webhooks to it. */
  port: number;
  /** Shared stores for several instances (rate limits, webhook deduplication, locks, live updates). */
  redisUrl?: string;
  earnRateLimits: EarnRateLimits;
  /** Open live-update streams one member may hold per instance, when not the default (`lib/live/open-streams.ts`). */
  liveStreamsPerMember?: number;
  /** Proxies in front of the app that append to `X-Forwarded-For`; 0 means the header is not trusted. */
  trustedProxyHops: number;
  /**
   * The store's currency: the money of its order earning rule ("2 stars per $1"). Points are paid on the
   * order's total in it, so the earn preview shows a figure only for amounts in this currency.
   */
  storeCurrency: string;
  embed: EmbedConfig;
  observability: ObservabilityConfig;
};

export type AppConfig =
  | ({
      mode: 'wix';
      wix: WixCredentials;
      /** PEM. Without it the webhook route answers 503 and live updates never arrive. */
      webhookPublicKey?: string;
    } & SharedConfig)
  | ({
      mode: 'sandbox';
      wix: WixCredentials;
      sandbox: { port: number; origin: string; tokenTtlSeconds: number };
    } & SharedConfig);

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
  const shared: SharedConfig = {
    appUrl: vars.APP_URL,
    ...(vars.REFERRAL_LANDING_URL && { referralLandingUrl: vars.REFERRAL_LANDING_URL }),
    port: vars.PORT,
    ...(vars.REDIS_URL && { redisUrl: vars.REDIS_URL }),
    earnRateLimits: { perMember: vars.EARN_RATE_LIMIT_PER_MEMBER, perIp: vars.EARN_RATE_LIMIT_PER_IP },
    ...(vars.LIVE_STREAMS_PER_MEMBER && { liveStreamsPerMember: vars.LIVE_STREAMS_PER_MEMBER }),
    trustedProxyHops: vars.TRUSTED_PROXY_HOPS,
    storeCurrency: vars.STORE_CURRENCY,
    embed: {
      // Production frames nothing it was not told to; development lets the local demo host in.
      allowedOrigins:
        vars.EMBED_ALLOWED_ORIGINS ?? (vars.NODE_ENV === 'production' ? [] : DEVELOPMENT_EMBED_ORIGINS),
      ssoSecret: vars.EMBED_SSO_SECRET ?? null,
      ssoAudience: vars.EMBED_SSO_AUDIENCE ?? null,
    },
    observability: {
      logLevel: vars.LOG_LEVEL,
      metricsToken: vars.METRICS_TOKEN ?? null,
      traces: vars.OTEL_EXPORTER_OTLP_ENDPOINT
        ? {
            url: tracesUrl(vars.OTEL_EXPORTER_OTLP_ENDPOINT),
            protocol: vars.OTEL_EXPORTER_OTLP_PROTOCOL,
            headers: vars.OTEL_EXPORTER_OTLP_HEADERS ?? {},
          }
        : null,
      serviceName: vars.OTEL_SERVICE_NAME,
    },
  };

  if (present.length > 0 && vars.WIX_SANDBOX === '1') {
    throw new ConfigError(
      `WIX_SANDBOX=1 asks for the local sandbox, but ${present.join(', ')} ${present.length > 1 ? 'are' : 'is'} set. ` +
        'Unset the Wix variables to use the sandbox, or WIX_SANDBOX to use the Wix site.',
    );
  }
  const { WIX_CLIENT_ID: clientId, WIX_API_KEY: apiKey, WIX_SITE_ID: siteId } = vars;
  if (clientId && apiKey && siteId) {
    const webhookPublicKey = vars.WIX_WEBHOOK_PUBLIC_KEY;
    return {
      mode: 'wix',
      wix: { clientId, apiKey, siteId },
      ...(webhookPublicKey && { webhookPublicKey }),
      ...shared,
    };
  }
  if (present.length > 0) {
    const missing = WIX_VARIABLES.filter((name) => vars[name] === undefined);
    throw new ConfigError(
      `Wix mode needs ${WIX_VARIABLES.join(', ')}; ${present.join(', ')} set but ${missing.join(', ')} missing. ` +
        'Set all three to use a Wix site, or none to use the local sandbox.',
    );
  }
  if (vars.NODE_ENV === 'production' && vars.WIX_SANDBOX !== '1') {
    throw new ConfigError(
      `Production needs a Wix site: set ${WIX_VARIABLES.join(', ')}. ` +
        'To run the local Wix sandbox in a production build (for tests or a demo), set WIX_SANDBOX=1.',
    );
  }
  if (vars.WIX_SANDBOX === '0') {
    throw new ConfigError(
      `WIX_SANDBOX=0 turns the sandbox off, so Wix mode needs ${WIX_VARIABLES.join(', ')}; none of them is set.`,
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
    ...shared,
  };
}

/** `http://collector:4318` and `http://collector:4318/` both send to `http://collector:4318/v1/traces`. */
function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

let cached: AppConfig | undefined;

/** The validated configuration of this process, read once. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

/**
 * How the logger writes, read on its own and never throwing: the logger must work to report a configuration
 * that does not (a bad `LOG_LEVEL` is then named by `getConfig`, and lines go out at `info` meanwhile).
 * Readable lines under `next dev`, JSON lines everywhere else.
 */
export function getLogSettings(): { level: LogLevel; pretty: boolean } {
  const level = logLevel.safeParse(process.env.LOG_LEVEL);
  return { level: level.success ? level.data : 'info', pretty: process.env.NODE_ENV === 'development' };
}
