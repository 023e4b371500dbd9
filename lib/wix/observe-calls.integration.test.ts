import { context, propagation, trace } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { metricsExposition } from '@/lib/observability/metrics';
import { withRequestId } from '@/lib/observability/request-id';
import { startTelemetry } from '@/lib/observability/telemetry';
import { DEMO_ACCOUNT_IDS } from '@/lib/sandbox/seed';
import { startOtlpReceiver, type OtlpReceiver } from '@/testing/otlp-receiver';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { createOAuth, getAdminClient } from './clients';

/**
 * The Wix door's own record of each call, through the real SDK against the sandbox: one log line per
 * failure (with the request it served), a count, and a span under the caller's, exported over OTLP/HTTP.
 */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });
const UNKNOWN_ACCOUNT = '00000000-0000-4000-8000-000000000000';

let receiver: OtlpReceiver;
let lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  startTelemetry({
    logLevel: 'info',
    metricsToken: 'unit-test-metrics-token',
    traces: { url: `${receiver.endpoint}/v1/traces`, protocol: 'http/json', headers: {} },
    serviceName: 'door-test',
  });
});

afterAll(async () => {
  trace.disable();
  context.disable();
  propagation.disable();
  await receiver.close();
});

beforeEach(() => {
  lines = [];
  // The logger writes JSON lines to stdout; read them as they go.
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const failures = () => lines.filter((line) => line.msg === 'Wix call failed');

async function exportedSpans() {
  const provider = trace.getTracerProvider() as unknown as { getDelegate(): { forceFlush(): Promise<void> } };
  await provider.getDelegate().forceFlush();
  return receiver.spans;
}

async function countOf(method: string, outcome: string): Promise<number> {
  const { body } = await metricsExposition();
  const line = body
    .split('\n')
    .find((candidate) =>
      candidate.startsWith(`loyalty_wix_calls_total{method="${method}",outcome="${outcome}"} `),
    );
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('the Wix door', () => {
  it('logs a failing call once, with the method, Wix’s code, the status, the latency and the request id', async () => {
    const before = await countOf('accounts.getAccount', 'not-found');
    await expect(
      withRequestId('req-door-1', () => getAdminClient().accounts.getAccount(UNKNOWN_ACCOUNT)),
    ).rejects.toMatchObject({ details: { applicationError: { code: 'ACCOUNT_NOT_FOUND' } } });

    expect(failures()).toHaveLength(1);
    const [line] = failures();
    expect(line).toMatchObject({
      level: 'info',
      method: 'accounts.getAccount',
      kind: 'not-found',
      wixCode: 'ACCOUNT_NOT_FOUND',
      status: 404,
      requestId: 'req-door-1',
    });
    expect(line!.latencyMs).toEqual(expect.any(Number));
    expect(await countOf('accounts.getAccount', 'not-found')).toBe(before + 1);
  });

  it('logs an outage as an error, and a call that succeeds not at all', async () => {
    await sandbox.control.injectFault({ pathPrefix: '/loyalty-programs', status: 503, times: 1 });
    const programs = getAdminClient().programs;
    await expect(programs.getLoyaltyProgram()).rejects.toBeDefined();
    await programs.getLoyaltyProgram();

    expect(failures()).toMatchObject([
      { level: 'error', method: 'programs.getLoyaltyProgram', kind: 'unavailable', status: 503 },
    ]);
    expect(failures()[0]).not.toHaveProperty('requestId');
  });

  it('reads a refused token call’s status and OAuth error from the SDK’s message', async () => {
    const refused = createOAuth().renewToken({ value: 'not-a-refresh-token', role: 'member' as never });
    await expect(refused).rejects.toThrow(/invalid_grant/);

    expect(failures()).toMatchObject([
      {
        level: 'warn',
        method: 'oauth.renewToken',
        kind: 'unauthenticated',
        status: 400,
        wixCode: 'invalid_grant',
      },
    ]);
  });

  it('traces each call as a span named for the method, under the span of the request it serves', async () => {
    const tracer = trace.getTracer('door-test');
    const request = await tracer.startActiveSpan('GET /', async (span) => {
      await getAdminClient().accounts.getAccount(DEMO_ACCOUNT_IDS.johna);
      await getAdminClient().transactions.queryLoyaltyTransactions().limit(1).find();
      await getAdminClient()
        .accounts.getAccount(UNKNOWN_ACCOUNT)
        .catch(() => undefined);
      span.end();
      return span.spanContext();
    });
    const requestSpanId = request.spanId;

    const children = (await exportedSpans()).filter((span) => span.parentSpanId === requestSpanId);
    expect(children.map((span) => [span.name, span.attributes['http.response.status_code']])).toEqual([
      ['accounts.getAccount', 200],
      ['transactions.queryLoyaltyTransactions', 200],
      ['accounts.getAccount', 404],
    ]);
    expect(children.map((span) => span.statusCode)).toEqual([1, 1, 2]);
    expect(children[2]!.attributes).toMatchObject({
      'wix.method': 'accounts.getAccount',
      'wix.outcome': 'not-found',
      'wix.error_code': 'ACCOUNT_NOT_FOUND',
    });
    expect(children.every((span) => span.serviceName === 'door-test')).toBe(true);
    // The failure's log line names the trace, to find these spans from the log.
    expect(failures()).toMatchObject([{ method: 'accounts.getAccount', traceId: request.traceId }]);
  });

  it('counts a query once, when its find makes the call', async () => {
    const before = await countOf('transactions.queryLoyaltyTransactions', 'ok');
    const query = getAdminClient()
      .transactions.queryLoyaltyTransactions()
      .eq('accountId', DEMO_ACCOUNT_IDS.johna);
    expect(await countOf('transactions.queryLoyaltyTransactions', 'ok')).toBe(before);
    const { items } = await query.limit(2).find();
    expect(items.length).toBeGreaterThan(0);
    expect(await countOf('transactions.queryLoyaltyTransactions', 'ok')).toBe(before + 1);
  });
});
