import type { Yaml } from 'mdast';
import { Document } from 'yaml';

/** What a front matter field may hold. */
export type FrontMatterValue = string | number | null | readonly string[];

/**
 * The YAML front matter node of a report, its keys in the order given. Every string is
 * double-quoted and never folded, so a title holding `---`, `#`, a colon or a line break
 * stays one scalar on one line and cannot end the front matter early.
 */
export function yamlFrontMatter(fields: ReadonlyArray<readonly [string, FrontMatterValue]>): Yaml {
  const document = new Document(new Map(fields));
  const value = document.toString({
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
    // Without this, yaml writes a long string's line breaks as real ones (folded).
    doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY,
  });
  return { type: 'yaml', value: value.trimEnd() };
}
