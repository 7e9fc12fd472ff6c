/**
 * The WHATWG Encoding API, which Node, Electron and Chromium all have, typed here because
 * shared/ compiles without the DOM and Node libraries.
 */
interface Encoding {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (
    label: string,
    options: { fatal: boolean },
  ) => { decode(bytes: Uint8Array): string };
}

const encoding = globalThis as unknown as Encoding;
const encoder = new encoding.TextEncoder();
const decoder = new encoding.TextDecoder('utf-8', { fatal: true });

export const utf8 = {
  encode: (text: string): Uint8Array => encoder.encode(text),
  /** Throws on malformed UTF-8. */
  decode: (bytes: Uint8Array): string => decoder.decode(bytes),
};
