/**
 * A small in-process cache of computed read models (directory search pages, map layers, area
 * overviews). Keys include the workspace's `directory_version`, which every write to those read
 * models increments in its transaction (records/version.ts): a changed workspace simply misses,
 * in every server process, and stale entries age out of the LRU. Keys also include who is asking
 * (what they may see), so an answer is never served to someone with other visibility.
 */
export class ReadCache {
  private readonly entries = new Map<string, unknown>();
  /** Computations under way: readers arriving meanwhile (a burst after a write) share them. */
  private readonly pending = new Map<string, Promise<unknown>>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 2000) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as T;
      // Refresh its place: Map keeps insertion order, so the first key is the least recent.
      this.entries.delete(key);
      this.entries.set(key, value);
      this.hits++;
      return value;
    }
    const running = this.pending.get(key) as Promise<T> | undefined;
    if (running) {
      this.hits++;
      return running;
    }
    this.misses++;
    // A failed computation (an error answer) is never kept: the next reader tries again.
    const computing = compute()
      .then((value) => {
        this.entries.set(key, value);
        if (this.entries.size > this.maxEntries) {
          const oldest = this.entries.keys().next().value;
          if (oldest !== undefined) this.entries.delete(oldest);
        }
        return value;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, computing);
    return computing;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

const caches = new WeakMap<object, ReadCache>();

/** The read cache of one app (one database handle): tests with their own databases never share. */
export function readCacheFor(db: object): ReadCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new ReadCache();
    caches.set(db, cache);
  }
  return cache;
}
