import { getSchema, getText, getTextSerializersFromSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import type { MemoDoc } from '../../domain/memo-doc';
import { CLAIM_REFERENCE } from '../claim-reference';
import { claimReferenceNode } from '../memo-doc-ops';
import { memoExtensions } from '../memo-extensions';
import { claimAttrs } from './fixtures';

const schema = getSchema(memoExtensions());

describe('claimReference', () => {
  const attrs = claimAttrs(7, {
    quote: 'Der Umsatz stieg um 5,3 % – „deutlich“ über Plan 📈',
    claimClass: 'risk',
    paraphrase: 'Sales beat plan',
    source: null,
    publishedAt: null,
    locator: 'p. 3',
  });
  const doc: MemoDoc = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'See ' }, claimReferenceNode(attrs)],
      },
    ],
  };

  it('is an inline atom in the memo schema', () => {
    const type = schema.nodes[CLAIM_REFERENCE]!;
    expect(type.isInline).toBe(true);
    expect(type.isAtom).toBe(true);
  });

  it('comes back from JSON with every attribute, unicode and nulls included', () => {
    const node = schema.nodeFromJSON(doc);
    node.check();
    expect(node.toJSON()).toEqual(doc);
    expect(JSON.stringify(node.toJSON())).toBe(JSON.stringify(doc));
    expect(node.firstChild!.lastChild!.attrs).toEqual(attrs);
  });

  it('fills in defaults for attributes a citation lacks', () => {
    const node = schema.nodeFromJSON({ type: CLAIM_REFERENCE, attrs: { highlightId: 'h' } });
    expect(node.attrs).toEqual({
      highlightId: 'h',
      articleId: null,
      quote: null,
      claimClass: 'evidence',
      paraphrase: '',
      source: null,
      articleTitle: null,
      publishedAt: null,
      locator: null,
    });
  });

  it('reads as its quote in curly quotes', () => {
    const node = schema.nodeFromJSON(doc);
    const text = getText(node, { textSerializers: getTextSerializersFromSchema(schema) });
    expect(text).toBe(`See “${attrs.quote}”`);
  });
});
