import type { IncomingMessage } from 'node:http';
import type { SandboxContext } from './context';
import { parseJson } from './http';

export interface RequestContext {
  sandbox: SandboxContext;
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  rawBody: string;
  /** The JSON body, parsed on first use so malformed JSON fails only the routes that read it. */
  body(): unknown;
}

export type HandlerResult =
  { json: unknown; status?: number } | { html: string; status?: number } | { redirect: string };

export type Handler = (ctx: RequestContext) => HandlerResult | Promise<HandlerResult>;

interface Route {
  key: RouteKey;
  method: string;
  segments: string[];
  handler: Handler;
}

/** A route as registered, `GET /loyalty-accounts/v1/accounts/:id`: what the sandbox's method names key on. */
export type RouteKey = `${string} /${string}`;

/**
 * Path patterns use `:name` segments. Routes are matched in registration order, so register
 * literal paths such as `/accounts/my-account` before `/accounts/:id`.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    const key: RouteKey = `${method} /${pattern.replace(/^\//, '')}`;
    this.routes.push({ key, method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** Every route, in registration order. */
  keys(): RouteKey[] {
    return this.routes.map((route) => route.key);
  }

  match(
    method: string,
    pathname: string,
  ): { handler: Handler; params: Record<string, string>; route: RouteKey } | null {
    const parts = pathname.split('/').filter(Boolean);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params = matchSegments(route.segments, parts);
      if (params) return { handler: route.handler, params, route: route.key };
    }
    return null;
  }
}

function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const part = parts[index];
    if (part === undefined) return null;
    if (segment.startsWith(':')) {
      const value = safeDecode(part);
      if (value === undefined) return null;
      params[segment.slice(1)] = value;
    } else if (segment !== part) {
      return null;
    }
  }
  return params;
}

export function createRequestContext(
  sandbox: SandboxContext,
  req: IncomingMessage,
  url: URL,
  params: Record<string, string>,
  rawBody: string,
): RequestContext {
  let parsed: { value: unknown } | undefined;
  return {
    sandbox,
    req,
    url,
    params,
    rawBody,
    body() {
      parsed ??= { value: parseJson(rawBody) };
      return parsed.value;
    },
  };
}
