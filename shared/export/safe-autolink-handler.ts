import type { Link } from 'mdast';
import { defaultHandlers, type Handle } from 'mdast-util-to-markdown';

/** An e-mail address as CommonMark's e-mail autolink accepts it (no `:`, so never a scheme). */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * The link handler of mdast-util-to-markdown, minus one trap: it writes a `mailto:` link
 * whose text is the address without `mailto:` as an autolink `<text>`, and a reader takes
 * `<text>` as a link to `text` itself. So `[javascript:alert(1)](mailto:javascript:alert(1))`
 * came out as `<javascript:alert(1)>`, a script link (found by the memo report's hostile
 * tests). Unless the text is a plain e-mail address, the text is split in two nodes, which
 * makes the serializer write `[text](mailto:…)` with the text escaped as usual.
 */
export const safeAutolinkHandler: Handle = (node: Link, parent, state, info) => {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type === 'text' && node.url === `mailto:${only.value}` && !EMAIL.test(only.value)) {
    const [first = '', ...rest] = only.value;
    const children: Link['children'] = [
      { type: 'text', value: first },
      { type: 'text', value: rest.join('') },
    ];
    return defaultHandlers.link({ ...node, children }, parent, state, info);
  }
  return defaultHandlers.link(node, parent, state, info);
};
