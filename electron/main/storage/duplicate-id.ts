/** "it lists highlight <id> twice" when two items share an id (a merge by a sync tool), else null. */
export function duplicateId(items: ReadonlyArray<{ id: string }>, what: string): string | null {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) return `it lists ${what} ${id} twice`;
    seen.add(id);
  }
  return null;
}
