/**
 * Maps values (tickers, months, tag ids) to small dense codes, so queries can count and mark
 * them in typed arrays instead of Maps. Codes are never reused: the table only grows, by
 * the number of distinct values the library ever had.
 */
export class InternTable {
  private readonly codes = new Map<string, number>();
  private readonly values: string[] = [];

  get size(): number {
    return this.values.length;
  }

  /** The value's code, assigning the next one when the value is new. */
  intern(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  /** The value's code, or undefined when it was never interned. */
  find(value: string): number | undefined {
    return this.codes.get(value);
  }

  value(code: number): string {
    return this.values[code]!;
  }
}
