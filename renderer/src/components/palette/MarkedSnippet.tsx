/** Text with the search hits marked (`<mark>`), built as React nodes: never as markup. */
export function MarkedSnippet({
  text,
  marks,
  lang,
}: {
  text: string;
  marks: ReadonlyArray<{ start: number; end: number }>;
  lang?: string | undefined;
}) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [i, mark] of [...marks].sort((a, b) => a.start - b.start).entries()) {
    if (mark.start < at || mark.end > text.length) continue;
    if (mark.start > at) parts.push(text.slice(at, mark.start));
    parts.push(<mark key={i}>{text.slice(mark.start, mark.end)}</mark>);
    at = mark.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <span className="marked-snippet" lang={lang === 'und' ? undefined : lang}>
      {parts}
    </span>
  );
}
