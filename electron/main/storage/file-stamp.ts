/** A time for file names, sortable and safe everywhere: `2026-11-26T09-30-05-123Z`. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}
