import type { Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { REPORT_MARKDOWN_OPTIONS } from './report-markdown-options';

/** The tree as GitHub Flavored Markdown (with YAML front matter when the tree starts with one). */
export function gfmMarkdown(tree: Root): string {
  return toMarkdown(tree, REPORT_MARKDOWN_OPTIONS);
}
