import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import { context, trace, TraceFlags } from '@opentelemetry/api';
import pino, { type DestinationStream } from 'pino';
import { getLogSettings } from '@/lib/config/env';
import { currentRequestId } from './request-id';

/**
 * Where a secret could hide in a line someone logs carelessly: headers, cookies, tokens, keys, emails,
 * coupon codes. The app never logs these; redaction is the second line of defence, not the first.
 */
const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'cookies',
  'headers',
  'apiKey',
  'token',
  'tokens',
  'accessToken',
  'refreshToken',
  'memberToken',
  'email',
  'loginEmail',
  'couponCode',
  'coupon',
].flatMap((key) => [key, `*.${key}`]);

/**
 * Errors are reduced to their type: an SDK error carries the request it came from, Authorization header
 * included, and its message can quote a response body. Describe a failure with fields instead.
 */
function errorType(error: unknown): { type: string } {
  return { type: error instanceof Error ? error.name : typeof error };
}

/** `next dev` only: pino-pretty is a development dependency, loaded as a plain stream in this process. */
function prettyStream(): DestinationStream {
  const load = createRequire(path.join(process.cwd(), 'package.json'));
  const pretty = load('pino-pretty') as (options: object) => DestinationStream;
  return pretty({ colorize: true, sync: true, ignore: 'pid,hostname' });
}

/**
 * The request being served, from the context Next runs it in: every line written for it carries its id,
 * and, when its trace is recorded, the trace's id, to find the spans of the request a line speaks of.
 */
function requestFields(): { requestId?: string; traceId?: string } {
  const requestId = currentRequestId();
  const span = trace.getSpanContext(context.active());
  const traced = span && span.traceFlags & TraceFlags.SAMPLED;
  return { ...(requestId && { requestId }), ...(traced && { traceId: span.traceId }) };
}

function createLogger() {
  const { level, pretty } = getLogSettings();
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: errorType, error: errorType },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: requestFields,
    },
    // process.stdout is synchronous for files and pipes on Linux, so a line is out before a crash.
    pretty ? prettyStream() : process.stdout,
  );
}

/**
 * The app's one logger: JSON lines (readable ones under `next dev`), at `LOG_LEVEL`, each carrying the id of
 * the request it was written for. Product code logs through it, never through `console`:
 * `logger.warn({ method, status }, 'what happened')`, with fields that hold no secret.
 */
export const logger = createLogger();
