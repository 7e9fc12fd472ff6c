/** A posting entry packs the field number (low 4 bits) with its term frequency. */
export const FIELD_BITS = 4;
export const FIELD_MASK = (1 << FIELD_BITS) - 1;
/** Keeps a packed entry within a 32-bit varint; no field holds a word 16 million times. */
const MAX_TF = (1 << 24) - 1;

export function packPosting(tf: number, field: number): number {
  return (Math.min(tf, MAX_TF) << FIELD_BITS) | field;
}
