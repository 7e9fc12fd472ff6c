import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { Options } from 'mdast-util-to-markdown';
import { prefilteredTextHandler } from './prefiltered-text-handler';
import { safeAutolinkHandler } from './safe-autolink-handler';

/**
 * One fixed style for every report, so the same tree always gives the same bytes and the
 * reports look alike: `-` bullets, `*` emphasis, `**` strong, backtick fences, `---` rules,
 * one space after list markers. mdast-util-to-markdown escapes text wherever it could
 * start a construct (`<` before a tag name, `[`, `*`, a leading `#` or `>` …), and picks a
 * fence longer than any run of backticks inside a code block, so text stays text. Links
 * whose text is their address are written `<https://…>`, except the one case where that
 * would change the target (see safeAutolinkHandler).
 */
export const REPORT_MARKDOWN_OPTIONS: Options = {
  bullet: '-',
  bulletOrdered: '.',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  ruleRepetition: 3,
  listItemIndent: 'one',
  incrementListMarker: true,
  setext: false,
  closeAtx: false,
  resourceLink: false,
  tightDefinitions: true,
  handlers: { link: safeAutolinkHandler, text: prefilteredTextHandler },
  extensions: [gfmToMarkdown({ tablePipeAlign: true }), frontmatterToMarkdown(['yaml'])],
};
