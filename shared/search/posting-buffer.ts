/** Decoded postings of one term: parallel doc numbers and packed (tf << 4 | field) entries. */
export class PostingBuffer {
  docs = new Int32Array(1024);
  packs = new Int32Array(1024);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(doc: number, pack: number): void {
    if (this.length === this.docs.length) this.grow();
    this.docs[this.length] = doc;
    this.packs[this.length] = pack;
    this.length++;
  }

  private grow(): void {
    const docs = new Int32Array(this.docs.length * 2);
    const packs = new Int32Array(this.packs.length * 2);
    docs.set(this.docs);
    packs.set(this.packs);
    this.docs = docs;
    this.packs = packs;
  }
}
