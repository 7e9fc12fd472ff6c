import type { ClaimRow } from './claim-row';

/**
 * What the board knows about each claim, one column per field, indexed by slot. Numeric
 * columns are typed arrays: a query walks 100,000 claims through them in a few cache
 * lines each, where arrays of objects would cost a pointer chase per claim. They are
 * replaced when they grow, so read them from here on every query, never keep them.
 */
export class RowColumns {
  /** The claim itself, as given; undefined for a free slot. */
  readonly rows: (ClaimRow | undefined)[] = [];
  /** `YYYY-MM-DD` of `createdAt` in UTC. */
  readonly createdDay: string[] = [];
  readonly tagCodes: (readonly number[])[] = [];

  live = new Uint8Array(0);
  articleOf = new Int32Array(0);
  /** Index into CLASS_ORDER. */
  classOf = new Uint8Array(0);
  /** Index of the claim among its article's claims (document order). */
  positionOf = new Int32Array(0);
  hasNote = new Uint8Array(0);
  orphaned = new Uint8Array(0);
  createdMs = new Float64Array(0);

  /** Slots handed out so far, live or free. */
  get length(): number {
    return this.rows.length;
  }

  /** Makes room for slot `slot`, doubling the typed columns when they are full. */
  reserve(slot: number): void {
    if (slot < this.live.length) return;
    const size = Math.max(1024, slot + 1, this.live.length * 2);
    const grow = <T extends Uint8Array | Int32Array | Float64Array>(
      old: T,
      make: (n: number) => T,
    ) => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.live = grow(this.live, (n) => new Uint8Array(n));
    this.articleOf = grow(this.articleOf, (n) => new Int32Array(n));
    this.classOf = grow(this.classOf, (n) => new Uint8Array(n));
    this.positionOf = grow(this.positionOf, (n) => new Int32Array(n));
    this.hasNote = grow(this.hasNote, (n) => new Uint8Array(n));
    this.orphaned = grow(this.orphaned, (n) => new Uint8Array(n));
    this.createdMs = grow(this.createdMs, (n) => new Float64Array(n));
  }
}
