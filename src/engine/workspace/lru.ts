/**
 * A least-recently-used map bounded by a weight (bytes of source text), so that caches of texts and
 * parse trees never grow without limit on large workspaces.
 */
export class LruCache<V> {
  budget = Number.POSITIVE_INFINITY;
  private readonly map = new Map<string, { value: V; weight: number }>();
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
    // Re-insert to mark as most recently used (Map keeps insertion order).
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V, weight: number): void {
    this.delete(key);
    this.map.set(key, { value, weight });
    this.total += weight;
    for (const [k, v] of this.map) {
      if (this.total <= this.budget || k === key) {
        break;
      }
      this.map.delete(k);
      this.total -= v.weight;
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
