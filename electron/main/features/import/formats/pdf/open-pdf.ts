import {
  getDocument,
  VerbosityLevel,
  type PDFDocumentLoadingTask,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
// @ts-expect-error -- pdfjs-dist ships no types for its worker; we only hand it to pdf.js.
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/**
 * pdf.js in Node runs its "worker" in this thread (a fake worker) and would load it with a
 * dynamic `import(workerSrc)` that no bundler can follow. It skips that import when
 * `globalThis.pdfjsWorker` holds the module. Importing the module sets that global too;
 * setting it here keeps the dependency explicit instead of an import side effect.
 */
function useInThreadWorker(): void {
  const scope = globalThis as { pdfjsWorker?: unknown };
  scope.pdfjsWorker ??= pdfjsWorker;
}

/**
 * Starts loading a PDF from memory with Margin's safe settings. The caller owns the task
 * and must `destroy()` it.
 */
export function openPdf(bytes: Uint8Array, password?: string): PDFDocumentLoadingTask {
  useInThreadWorker();
  return getDocument({
    // A copy: pdf.js transfers the buffer to its worker, detaching the caller's bytes.
    data: new Uint8Array(bytes),
    // An empty field means "no password", not "try the empty password".
    password: password === '' ? undefined : password,
    isEvalSupported: false, // CVE-2024-4367: font code must never reach `new Function`.
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    // All bytes are in memory: no range requests, streaming or prefetching.
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    // Recover what a slightly broken file still holds, as viewers do; unreadable files
    // still fail to open.
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
}
