// Loaded before pdf.js (see parse-source.ts): pdf.js's display code builds a DOMMatrix
// as the module loads, and in Node it borrows one from the native @napi-rs/canvas. Margin
// only reads text, so a pure-JS DOMMatrix is all it needs, and the native module (one binary
// per OS and CPU, which a universal macOS app cannot carry) is left out of the package.
import CSSMatrix from '@thednp/dommatrix';

const scope = globalThis as { DOMMatrix?: unknown };
scope.DOMMatrix ??= CSSMatrix;
