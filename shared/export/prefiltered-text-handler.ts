import type { Parents, Text } from 'mdast';
import type { Handle, Info, State, Unsafe } from 'mdast-util-to-markdown';

/*
 * Escaping text is most of mdast-util-to-markdown's time: for every text node it runs
 * each of its ~50 "unsafe" patterns over the text, although a pattern can only match
 * where its `character` occurs, and it serializes a text node twice when the node before
 * it needs its first character. This handler does what the library's text handler does,
 * with the library's own `safe`, but hands `safe` only the patterns whose character is in
 * the text or around it, and answers the "first character" question (`peek`) with the
 * patterns of that one character. The output is the same by construction; a property
 * test checks it against the plain serializer on arbitrary strings.
 */

/** For each `state.unsafe` list, its patterns narrowed to a set of characters. */
const narrowedLists = new WeakMap<Unsafe[], Map<string, Unsafe[]>>();

const isAlphanumeric = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** A pattern that can be skipped when its character is absent: one ASCII symbol or space. */
const isFilterable = (character: string) =>
  character.length === 1 &&
  character.charCodeAt(0) < 128 &&
  !isAlphanumeric(character.charCodeAt(0));

/** Which ASCII characters the strings being keyed hold (reused: cleared after each key). */
const seen = new Uint8Array(128);

function mark(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) seen[code] = 1;
  }
}

/** The ASCII non-alphanumeric characters in the strings, as a sorted string key ("#*.:"). */
function symbolsKey(...texts: string[]): string {
  for (const text of texts) mark(text);
  let key = '';
  for (let code = 0; code < 128; code++) {
    if (seen[code] === 0) continue;
    seen[code] = 0;
    if (!isAlphanumeric(code)) key += String.fromCharCode(code);
  }
  return key;
}

/** The patterns that can match in a text holding the characters of `key`. */
function narrowedUnsafe(all: Unsafe[], key: string): Unsafe[] {
  let byKey = narrowedLists.get(all);
  if (!byKey) narrowedLists.set(all, (byKey = new Map()));
  let narrowed = byKey.get(key);
  if (!narrowed) {
    narrowed = all.filter((p) => !isFilterable(p.character) || key.includes(p.character));
    byKey.set(key, narrowed);
  }
  return narrowed;
}

/** The library's text handler, with `safe` given only the patterns of `key`'s characters. */
function serialize(node: Text, parent: Parents | undefined, state: State, info: Info, key: string) {
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1]!;
  const config = { ...info, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] };
  // `safe` reads the patterns from the state: narrowed for this call only (it is synchronous).
  const all = state.unsafe;
  state.unsafe = narrowedUnsafe(all, key);
  try {
    return state.safe(node.value, config);
  } finally {
    state.unsafe = all;
  }
}

const handle = (node: Text, parent: Parents | undefined, state: State, info: Info) =>
  serialize(node, parent, state, info, symbolsKey(info.before, node.value, info.after));

/**
 * What the library reads from a next sibling: the first character it serializes to.
 * Only a pattern of the first character can escape or encode it, so only those run.
 */
const peek = (node: Text, parent: Parents | undefined, state: State, info: Info) => {
  const first = node.value.charAt(0);
  return serialize(node, parent, state, info, isFilterable(first) ? first : '').charAt(0);
};

export const prefilteredTextHandler: Handle = Object.assign(handle, { peek });
