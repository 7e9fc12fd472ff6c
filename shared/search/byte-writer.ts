/** A growable byte buffer that writes unsigned LEB128 varints, for posting lists. */
export class ByteWriter {
  private bytes: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }

  writeVarint(value: number): void {
    if (this.length + 5 > this.bytes.length) this.grow(5);
    const bytes = this.bytes;
    let v = value >>> 0;
    while (v >= 0x80) {
      bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    bytes[this.length++] = v;
  }

  /** The bytes written so far (a copy trimmed to length). */
  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + needed));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}
