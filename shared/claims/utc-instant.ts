/** A `createdAt` as the board compares it: epoch milliseconds and the UTC calendar date. */
export interface UtcInstant {
  ms: number;
  day: string;
}

/**
 * Parses an ISO date-time once, when a claim enters the board, so queries compare numbers
 * and `YYYY-MM-DD` strings only. Offsets other than `Z` are resolved to UTC here.
 */
export function utcInstant(isoDateTime: string): UtcInstant {
  const parsed = Date.parse(isoDateTime);
  const ms = Number.isNaN(parsed) ? 0 : parsed;
  const day = isoDateTime.endsWith('Z')
    ? isoDateTime.slice(0, 10)
    : new Date(ms).toISOString().slice(0, 10);
  return { ms, day };
}
