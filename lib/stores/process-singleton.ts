/**
 * One value per server process. Next bundles instrumentation and each route on their own, and `next dev`
 * re-evaluates modules on every edit, so a module-level `let` can exist several times in one process. The
 * webhook route and the event stream must share one fan-out, so shared stores live on `globalThis`.
 */
const registry = ((
  globalThis as typeof globalThis & { __loyaltyStores?: Map<string, unknown> }
).__loyaltyStores ??= new Map<string, unknown>());

export function processSingleton<T>(name: string, create: () => T): T {
  if (!registry.has(name)) registry.set(name, create());
  return registry.get(name) as T;
}
