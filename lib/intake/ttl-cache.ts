// A small in-process cache whose entries live ttlMs. Concurrent misses for one key share a single
// load; a failed load is not kept. When full, it starts over rather than tracking recency.
export type TtlCache<V> = { get(key: string, load: () => Promise<V>): Promise<V>; clear(): void };

export function createTtlCache<V>(options: { ttlMs: number; maxEntries: number; now?: () => number }): TtlCache<V> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { expires: number; value: Promise<V> }>();
  return {
    get(key, load) {
      const held = entries.get(key);
      if (held && held.expires > now()) return held.value;
      if (entries.size >= options.maxEntries) entries.clear();
      const value = load();
      entries.set(key, { expires: now() + options.ttlMs, value });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    clear: () => entries.clear(),
  };
}
