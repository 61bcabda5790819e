import { performance } from 'node:perf_hooks';
import type { ChangeSource, CredentialChanges } from '../../db/credential-changes.ts';

export interface CredentialCacheOptions {
  /** Entries kept at most (the oldest go first). */
  maxEntries: number;
  /** An entry is read again from the database after this long, whatever was announced. */
  maxAgeMs: number;
  /** After a local credential write, nothing is cached for this long (its transaction commits). */
  suspendMs: number;
}

const DEFAULTS: CredentialCacheOptions = { maxEntries: 10_000, maxAgeMs: 30_000, suspendMs: 1_000 };

interface Entry {
  rows: readonly unknown[];
  storedAt: number;
}

/**
 * The rows authentication read for a credential (session or API token hash), kept in process so
 * a request costs no database round trip (decision 0015). It serves only while `changes` is live,
 * that is while every committed credential change of every process is announced to it; any
 * announcement empties it. A lookup that was in flight when something changed is not kept
 * (the generation moved on), and a local write suspends it briefly, so a request never sees
 * rows older than the newest commit it could know of, plus the announcement's delivery time.
 * Expiry, idle time and revocation are still checked by the caller on every request, on the
 * rows it gets, against the injectable clock; only unknown credentials are never kept.
 */
export class CredentialCache {
  readonly #entries = new Map<string, Entry>();
  readonly #options: CredentialCacheOptions;
  readonly #now: () => number;
  readonly #changes: CredentialChanges;
  readonly #unsubscribe: () => void;
  #generation = 0;
  #suspendedUntil = 0;
  /** Counters for tests and benchmarks. */
  readonly stats = { hits: 0, misses: 0, invalidations: 0 };

  constructor(
    changes: CredentialChanges,
    options: Partial<CredentialCacheOptions> = {},
    now: () => number = () => performance.now(),
  ) {
    this.#changes = changes;
    this.#options = { ...DEFAULTS, ...options };
    this.#now = now;
    this.#unsubscribe = changes.subscribe((source) => this.#invalidate(source));
  }

  get size(): number {
    return this.#entries.size;
  }

  #usable(): boolean {
    return this.#changes.live && this.#now() >= this.#suspendedUntil;
  }

  #invalidate(source: ChangeSource): void {
    this.#generation++;
    this.#entries.clear();
    this.stats.invalidations++;
    if (source === 'local') this.#suspendedUntil = this.#now() + this.#options.suspendMs;
  }

  /** The cached rows of `key`, or `load()`'s, kept when nothing changed meanwhile. */
  async lookup<R>(key: string, load: () => Promise<R[]>): Promise<R[]> {
    this.#changes.check();
    if (!this.#usable()) return load();
    const hit = this.#entries.get(key);
    if (hit && this.#now() - hit.storedAt < this.#options.maxAgeMs) {
      this.stats.hits++;
      return hit.rows as R[];
    }
    this.stats.misses++;
    const generation = this.#generation;
    const rows = await load();
    if (rows.length > 0 && generation === this.#generation && this.#usable()) {
      this.#entries.delete(key);
      if (this.#entries.size >= this.#options.maxEntries) {
        this.#entries.delete(this.#entries.keys().next().value as string);
      }
      this.#entries.set(key, { rows, storedAt: this.#now() });
    }
    return rows;
  }

  /** After this process touched the credential (last seen/used), keep the rows it wrote. */
  replace<R>(key: string, rows: R[]): void {
    const entry = this.#entries.get(key);
    if (entry) this.#entries.set(key, { rows, storedAt: entry.storedAt });
  }

  close(): void {
    this.#unsubscribe();
    this.#entries.clear();
  }
}
