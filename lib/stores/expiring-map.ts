/** How often expired entries are swept, so they never pile up however long the process runs. */
const SWEEP_EVERY_MS = 60_000;

/** A map whose entries expire: the memory half of the stores that Redis keeps with a TTL. */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  private lastSweep: number;

  constructor(private readonly now: () => number = Date.now) {
    this.lastSweep = now();
  }

  get(key: string): V | undefined {
    const at = this.now();
    this.sweep(at);
    const entry = this.entries.get(key);
    return entry && entry.expiresAt > at ? entry.value : undefined;
  }

  set(key: string, value: V, ttlMs: number): void {
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  private sweep(at: number): void {
    if (at - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = at;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= at) this.entries.delete(key);
  }
}
