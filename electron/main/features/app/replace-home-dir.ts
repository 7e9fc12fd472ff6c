/**
 * `text` with the home folder shown as `~` ("/home/anna/Margin" → "~/Margin"), so a
 * report does not name the analyst's account. Also matched: the folder with forward
 * slashes and with JSON-escaped backslashes (Windows paths in a log), case-insensitively
 * on Windows. "/home/anna" is not replaced inside "/home/annabel". A home of "/" or ""
 * is left alone: replacing it would mangle every path.
 */
export function replaceHomeDir(text: string, homeDir: string): string {
  const home = homeDir.replace(/[\\/]+$/, '');
  if (home.length < 2 || /^[A-Za-z]:$/.test(home)) return text;
  const windows = home.includes('\\') || /^[A-Za-z]:/.test(home);
  const forms = [...new Set([home, home.replaceAll('\\', '/'), home.replaceAll('\\', '\\\\')])]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  // Not followed by more of a folder name ("/home/anna" in "/home/annabel", "/home/anna.old").
  const pattern = new RegExp(
    `(?:${forms.join('|')})(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])`,
    windows ? 'giu' : 'gu',
  );
  return text.replace(pattern, '~');
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
