/**
 * A least-recently-used map bounded by a weight (bytes of source text), so that caches of texts and
 * parse trees never grow without limit on large workspaces. Recency is tracked the "second chance"
 * way: a hit only marks its entry, and eviction moves marked entries to the back instead of dropping
 * them. Hits, by far the most frequent operation, then cost one lookup instead of a delete and an insert.
 */
export class LruCache<V> {
  budget = Number.POSITIVE_INFINITY;
  private readonly map = new Map<string, { value: V; weight: number; used: boolean }>();
  private total = 0;

  /** True when the cache holds as much as its budget allows. */
  full(): boolean {
    return this.total >= this.budget;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) {
      return undefined;
    }
    hit.used = true;
    return hit.value;
  }

  set(key: string, value: V, weight: number): void {
    this.delete(key);
    this.map.set(key, { value, weight, used: false });
    this.total += weight;
    // Oldest first; a marked entry gets a second chance at the back (the iterator reaches it again,
    // unmarked, only if everything older went too). The entry just set is never evicted here.
    for (const [k, v] of this.map) {
      if (this.total <= this.budget) {
        break;
      }
      if (k === key) {
        continue;
      }
      this.map.delete(k);
      if (v.used) {
        v.used = false;
        this.map.set(k, v);
      } else {
        this.total -= v.weight;
      }
    }
  }

  delete(key: string): void {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.total -= hit.weight;
    }
  }

  deleteWhere(predicate: (key: string) => boolean): void {
    for (const key of [...this.map.keys()]) {
      if (predicate(key)) {
        this.delete(key);
      }
    }
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }
}
