/** "2026-11-24 09-30-05": a time for file names the analyst reads (no colons, which Windows refuses). */
export function fileTime(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-');
}
