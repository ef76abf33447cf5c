/**
 * The last `capacity` ids this process saw reach a final state: lets the mail jobs of rows a batch already
 * sent return without a query. Only final states go in ('sent' never returns to pending), so a hit is
 * always right; a miss costs the usual query.
 */
export class RecentIds<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(id: string): V | undefined {
    return this.map.get(id);
  }

  set(id: string, value: V): void {
    this.map.delete(id);
    this.map.set(id, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }
}
