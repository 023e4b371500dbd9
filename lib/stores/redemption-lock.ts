import 'server-only';
import { createInMemoryInFlightLock, type InFlightLock } from './in-flight-lock';

let lock: InFlightLock | undefined;

/**
 * The guard that keeps one redemption per member in flight. Swap `createInMemoryInFlightLock` for a shared
 * store to hold it across several instances.
 */
export function redemptionLock(): InFlightLock {
  lock ??= createInMemoryInFlightLock();
  return lock;
}
