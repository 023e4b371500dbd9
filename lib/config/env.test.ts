import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SANDBOX_DEFAULT_API_KEY } from '@/lib/sandbox/identity';
import { ConfigError, parseConfig } from './env';

describe('parseConfig', () => {
  it('runs against the sandbox when no Wix variable is set', () => {
    const config = parseConfig({});
    expect(config.mode).toBe('sandbox');
    if (config.mode !== 'sandbox') return;
    expect(config.sandbox).toEqual({ port: 4010, origin: 'http://127.0.0.1:4010', tokenTtlSeconds: 300 });
    expect(config.wix.apiKey).toBe(SANDBOX_DEFAULT_API_KEY);
  });

  it('honours the sandbox port and key', () => {
    const config = parseConfig({ WIX_SANDBOX_PORT: '4999', WIX_SANDBOX_API_KEY: 'local-key' });
    expect(config.mode === 'sandbox' && config.sandbox.origin).toBe('http://127.0.0.1:4999');
    expect(config.wix.apiKey).toBe('local-key');
  });

  it('uses Wix mode when all three Wix variables are set', () => {
    const config = parseConfig({ WIX_CLIENT_ID: 'client', WIX_API_KEY: 'key', WIX_SITE_ID: 'site' });
    expect(config).toEqual({
      mode: 'wix',
      wix: { clientId: 'client', apiKey: 'key', siteId: 'site' },
      port: 3000,
      earnRateLimits: { perMember: 10, perIp: 60 },
      trustedProxyHops: 0,
      storeCurrency: 'USD',
      embed: { allowedOrigins: ['http://127.0.0.1:5173'], ssoSecret: null, ssoAudience: null },
      observability: { logLevel: 'info', metricsToken: null, traces: null, serviceName: 'loyalty-widget' },
    });
  });

  it('reads the webhook public key as PEM, on one line with \\n escapes, or base64-encoded', () => {
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString()
      .trim();
    const wix = { WIX_CLIENT_ID: 'client', WIX_API_KEY: 'key', WIX_SITE_ID: 'site' };
    for (const form of [pem, pem.replaceAll('\n', '\\n'), Buffer.from(pem).toString('base64')]) {
      const config = parseConfig({ ...wix, WIX_WEBHOOK_PUBLIC_KEY: form });
      expect(config.mode === 'wix' && config.webhookPublicKey).toBe(pem);
    }
    const without = parseConfig(wix);
    expect(without.mode === 'wix' && without.webhookPublicKey).toBeUndefined();
    expect(() => parseConfig({ ...wix, WIX_WEBHOOK_PUBLIC_KEY: 'not a key' })).toThrow(
      /WIX_WEBHOOK_PUBLIC_KEY/,
    );
  });

  it('takes a Redis URL for the shared stores and refuses any other scheme', () => {
    expect(parseConfig({}).redisUrl).toBeUndefined();
    expect(parseConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0' }).redisUrl).toBe('redis://127.0.0.1:6379/0');
    expect(parseConfig({ REDIS_URL: 'rediss://cache.example:6380' }).redisUrl).toBe(
      'rediss://cache.example:6380',
    );
    expect(() => parseConfig({ REDIS_URL: 'http://cache.example' })).toThrow(/REDIS_URL/);
    expect(() => parseConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
  });

  it('takes an http(s) landing page for referral links, unset by default, and refuses anything else', () => {
    expect(parseConfig({}).referralLandingUrl).toBeUndefined();
    expect(parseConfig({ REFERRAL_LANDING_URL: '' }).referralLandingUrl).toBeUndefined();
    expect(parseConfig({ REFERRAL_LANDING_URL: 'https://shop.example/join' }).referralLandingUrl).toBe(
      'https://shop.example/join',
    );
    expect(() => parseConfig({ REFERRAL_LANDING_URL: 'javascript:alert(1)' })).toThrow(
      /REFERRAL_LANDING_URL/,
    );
    expect(() => parseConfig({ REFERRAL_LANDING_URL: 'shop.example' })).toThrow(/REFERRAL_LANDING_URL/);
  });

  it("knows the store's currency, USD unless STORE_CURRENCY names another ISO 4217 code", () => {
    expect(parseConfig({}).storeCurrency).toBe('USD');
    expect(parseConfig({ STORE_CURRENCY: 'eur' }).storeCurrency).toBe('EUR');
    expect(() => parseConfig({ STORE_CURRENCY: 'euro' })).toThrow(/STORE_CURRENCY/);
    expect(() => parseConfig({ STORE_CURRENCY: '€' })).toThrow(/STORE_CURRENCY/);
  });

  it('knows its own port, which next start sets', () => {
    expect(parseConfig({}).port).toBe(3000);
    expect(parseConfig({ PORT: '3510' }).port).toBe(3510);
    expect(() => parseConfig({ PORT: 'http' })).toThrow(/PORT/);
  });

  it('refuses to fall back to the sandbox in production, naming the variables and the switch', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(
      /WIX_CLIENT_ID, WIX_API_KEY, WIX_SITE_ID.*WIX_SANDBOX=1/,
    );
    expect(parseConfig({ NODE_ENV: 'production', WIX_SANDBOX: '1' }).mode).toBe('sandbox');
    expect(parseConfig({ NODE_ENV: 'development' }).mode).toBe('sandbox');
    const wix = { WIX_CLIENT_ID: 'client', WIX_API_KEY: 'key', WIX_SITE_ID: 'site' };
    expect(parseConfig({ NODE_ENV: 'production', ...wix }).mode).toBe('wix');
  });

  it('refuses a sandbox switch that contradicts the Wix variables', () => {
    const wix = { WIX_CLIENT_ID: 'client', WIX_API_KEY: 'key', WIX_SITE_ID: 'site' };
    expect(() => parseConfig({ WIX_SANDBOX: '1', ...wix })).toThrow(/WIX_SANDBOX=1/);
    expect(() => parseConfig({ WIX_SANDBOX: '0' })).toThrow(/WIX_SANDBOX=0/);
    expect(() => parseConfig({ WIX_SANDBOX: 'yes' })).toThrow(/WIX_SANDBOX/);
  });

  it('refuses a half-set Wix configuration and names what is missing', () => {
    expect(() => parseConfig({ WIX_CLIENT_ID: 'client' })).toThrow(ConfigError);
    expect(() => parseConfig({ WIX_CLIENT_ID: 'client', WIX_SITE_ID: 'site' })).toThrow(
      /WIX_API_KEY missing/,
    );
  });

  it('refuses malformed values and names the variable', () => {
    expect(() => parseConfig({ WIX_SANDBOX_PORT: 'eighty' })).toThrow(/WIX_SANDBOX_PORT/);
    expect(() => parseConfig({ WIX_SANDBOX_PORT: '70000' })).toThrow(/WIX_SANDBOX_PORT/);
    expect(() => parseConfig({ APP_URL: 'not a url' })).toThrow(/APP_URL/);
    expect(() => parseConfig({ EARN_RATE_LIMIT_PER_IP: '0' })).toThrow(/EARN_RATE_LIMIT_PER_IP/);
    expect(() => parseConfig({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(parseConfig({ TRUSTED_PROXY_HOPS: '2' }).trustedProxyHops).toBe(2);
  });

  it('never puts the API key in an error message', () => {
    try {
      parseConfig({ WIX_API_KEY: 'super-secret-key', WIX_SITE_ID: 'site' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('super-secret-key');
    }
  });

  describe('the embed', () => {
    it('lets the demo host frame the widget in development and nothing but the app in production', () => {
      expect(parseConfig({}).embed.allowedOrigins).toEqual(['http://127.0.0.1:5173']);
      expect(parseConfig({ NODE_ENV: 'production', WIX_SANDBOX: '1' }).embed.allowedOrigins).toEqual([]);
      const emptied = { NODE_ENV: 'production', WIX_SANDBOX: '1', EMBED_ALLOWED_ORIGINS: '' };
      expect(parseConfig(emptied).embed.allowedOrigins).toEqual([]);
    });

    it('reads a comma-separated list of exact origins', () => {
      const config = parseConfig({
        EMBED_ALLOWED_ORIGINS: ' https://shop.example, http://127.0.0.1:5400/ ,',
      });
      expect(config.embed.allowedOrigins).toEqual(['https://shop.example', 'http://127.0.0.1:5400']);
    });

    it.each([
      'https://shop.example/path',
      '*',
      'shop.example',
      'javascript:alert(1)',
      "https://shop.example 'unsafe-inline'",
      'https://shop.example?x=1',
    ])('refuses %s as a framing origin, naming the variable', (entry) => {
      expect(() => parseConfig({ EMBED_ALLOWED_ORIGINS: entry })).toThrow(/EMBED_ALLOWED_ORIGINS/);
    });

    it('takes an SSO secret only when it is long enough to be one', () => {
      expect(() => parseConfig({ EMBED_SSO_SECRET: 'short' })).toThrow(/EMBED_SSO_SECRET/);
      const secret = 's'.repeat(32);
      expect(parseConfig({ EMBED_SSO_SECRET: secret }).embed.ssoSecret).toBe(secret);
      expect(parseConfig({ EMBED_SSO_AUDIENCE: 'loyalty' }).embed.ssoAudience).toBe('loyalty');
    });
  });

  describe('logs, metrics and traces', () => {
    it('logs at info unless LOG_LEVEL names another level, and refuses one it does not know', () => {
      expect(parseConfig({}).observability.logLevel).toBe('info');
      expect(parseConfig({ LOG_LEVEL: 'debug' }).observability.logLevel).toBe('debug');
      expect(parseConfig({ LOG_LEVEL: 'silent' }).observability.logLevel).toBe('silent');
      expect(() => parseConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
    });

    it('serves metrics only with a token long enough to be one', () => {
      expect(parseConfig({}).observability.metricsToken).toBeNull();
      expect(parseConfig({ METRICS_TOKEN: '' }).observability.metricsToken).toBeNull();
      const token = 'scrape-token-0123456789';
      expect(parseConfig({ METRICS_TOKEN: token }).observability.metricsToken).toBe(token);
      expect(() => parseConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
      expect(() => parseConfig({ METRICS_TOKEN: 'has a space in it, sixteen+' })).toThrow(/METRICS_TOKEN/);
    });

    it('exports traces only to a configured collector, at its /v1/traces', () => {
      expect(parseConfig({}).observability.traces).toBeNull();
      expect(parseConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).observability).toEqual({
        logLevel: 'info',
        metricsToken: null,
        traces: { url: 'http://collector:4318/v1/traces', protocol: 'http/protobuf', headers: {} },
        serviceName: 'loyalty-widget',
      });
      const json = parseConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example/base',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_HEADERS: 'X-Api-Key=abc%3D%3D, tenant=shop',
        OTEL_SERVICE_NAME: 'shop-loyalty',
      }).observability;
      expect(json.traces).toEqual({
        url: 'https://otel.example/base/v1/traces',
        protocol: 'http/json',
        headers: { 'x-api-key': 'abc==', tenant: 'shop' },
      });
      expect(json.serviceName).toBe('shop-loyalty');
    });

    it('refuses a malformed collector setting, naming the variable and never a header value', () => {
      expect(() => parseConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
        /OTEL_EXPORTER_OTLP_ENDPOINT/,
      );
      expect(() => parseConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317' })).toThrow(
        /OTEL_EXPORTER_OTLP_ENDPOINT/,
      );
      expect(() => parseConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
        /OTEL_EXPORTER_OTLP_PROTOCOL/,
      );
      try {
        parseConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'secret-key-without-a-name' });
        expect.unreachable();
      } catch (error) {
        expect(String(error)).toMatch(/OTEL_EXPORTER_OTLP_HEADERS/);
        expect(String(error)).not.toContain('secret-key-without-a-name');
      }
      expect(() => parseConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'key=%E0%A4%A' })).toThrow(
        /OTEL_EXPORTER_OTLP_HEADERS/,
      );
    });
  });
});
