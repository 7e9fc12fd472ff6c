/**
 * A reusable typed array of at least the asked size. Queries would otherwise allocate
 * 100–400 KB buffers each time, and V8 answers that much external memory with full GCs
 * of the whole board's heap: reuse keeps query times flat.
 */
export class ReusableBuffer<T extends Int32Array | Uint8Array> {
  private buffer: T;

  constructor(private readonly make: (size: number) => T) {
    this.buffer = make(1024);
  }

  /** A view of `size` items; its contents are left over from earlier use. */
  take(size: number): T {
    if (this.buffer.length < size) this.buffer = this.make(Math.max(size, this.buffer.length * 2));
    return this.buffer.subarray(0, size) as T;
  }
}
