/**
 * Text that must stay on one line (a heading, a table cell, a footnote, a list entry):
 * trimmed, every run of whitespace holding a line break made one space. A line break
 * would end the construct; the text stays escaped either way.
 */
export function oneLine(text: string): string {
  return text.trim().replace(/\s*[\n\r\u2028\u2029]\s*/g, ' ');
}
