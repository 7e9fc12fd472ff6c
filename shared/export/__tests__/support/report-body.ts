/**
 * The report after its front matter. markdown-it knows no front matter and would read the
 * YAML as Markdown (`title: "[x]( )"` as a link to nowhere); the front matter is checked
 * by reading it as YAML instead, which GitHub and remark do.
 */
export function reportBody(markdown: string): string {
  if (!markdown.startsWith('---\n')) return markdown;
  const end = markdown.indexOf('\n---\n', 3);
  return end < 0 ? markdown : markdown.slice(end + '\n---\n'.length);
}
