import type { Yaml } from 'mdast';
import { Document } from 'yaml';

/** What a front matter field may hold. */
export type FrontMatterValue = string | number | null | readonly string[];

/**
 * Characters a Markdown viewer that does not know front matter (and so renders it as
 * text) could read as HTML, a link or code. Inside a double-quoted YAML string they are
 * written as `\uXXXX` escapes: YAML readers get the same values back, Markdown sees none.
 */
const MARKUP_CHARACTERS = /[<>[\]()`&]/g;

/** A double-quoted scalar on one line (every string here is one). */
const DOUBLE_QUOTED = /"(?:[^"\\\n]|\\.)*"/g;

const escapeMarkup = (yaml: string) =>
  yaml.replace(DOUBLE_QUOTED, (scalar) =>
    scalar.replace(
      MARKUP_CHARACTERS,
      (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    ),
  );

/**
 * The YAML front matter node of a report, its keys in the order given. Every string is
 * double-quoted and never folded, so a title holding `---`, `#`, a colon or a line break
 * stays one scalar on one line and cannot end the front matter early; markup characters
 * are escaped (see MARKUP_CHARACTERS). The keys are Margin's own, plain words.
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
  return { type: 'yaml', value: escapeMarkup(value.trimEnd()) };
}
