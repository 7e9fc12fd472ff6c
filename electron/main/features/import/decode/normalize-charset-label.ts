/**
 * A charset label as iconv-lite knows it, or null. As in browsers (WHATWG Encoding),
 * pages labelled Latin-1 or ASCII are decoded as Windows-1252, its superset: such pages
 * routinely contain „curly quotes“ and € from Windows editors.
 */
export function normalizeCharsetLabel(label: string | null | undefined): string | null {
  const name = label
    ?.trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!name) return null;
  // No browser decodes UTF-7 (WHATWG Encoding): `+ADw-script+AD4-` would otherwise become
  // `<script>` here when the page only looks like text everywhere else.
  if (/^(?:utf-?7|unicode-1-1-utf-7|csunicode11utf7)$/.test(name)) return null;
  if (/^(?:iso[-_]?8859[-_]1|latin-?1|l1|us-ascii|ascii|iso-ir-100|cp819)$/.test(name)) {
    return 'windows-1252';
  }
  if (/^(?:iso[-_]?8859[-_]15|latin-?9|l9)$/.test(name)) return 'iso-8859-15';
  if (name === 'utf8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  return name;
}
