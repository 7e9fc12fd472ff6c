/** Orders strings by UTF-16 code unit: for ids and ISO dates, where only determinism counts. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
