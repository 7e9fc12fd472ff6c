// Kept free of zod: the renderer reads these, and zod's start-up probe for `new Function`
// would trip the strict Content-Security-Policy there.

/** The longest article text Margin imports, in characters. */
export const ARTICLE_TEXT_MAX_CHARS = 5_000_000;
/** The largest file Margin imports. */
export const IMPORT_FILE_MAX_BYTES = 50 * 1024 * 1024;
/** The most pages a PDF may have. */
export const IMPORT_PDF_MAX_PAGES = 2_000;

/** Why a file over the size limit is refused (main and the page say it the same way). */
export function fileTooLargeReason(bytes: number): string {
  const megabytes = (bytes / 1024 / 1024).toFixed(1);
  return `the file is ${megabytes} MB; Margin imports files of up to ${IMPORT_FILE_MAX_BYTES / 1024 / 1024} MB`;
}
