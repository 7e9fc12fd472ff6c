import { IMPORT_PDF_MAX_PAGES } from '../../../../../shared/domain/import-limits';
import { DocumentBuilder } from '../../../../../shared/text/document-builder';
import type { ParsedDocument } from '../parsed-document';
import { ImportError } from '../import-error';
import { checkPdfStreams } from './pdf/check-pdf-streams';
import { dropRunningLines } from './pdf/drop-running-lines';
import { linesToBlocks } from './pdf/lines-to-blocks';
import { openPdf } from './pdf/open-pdf';
import { pageLines, type PdfLine, type PdfTextItem } from './pdf/page-lines';
import { pdfImportError } from './pdf/pdf-import-error';
import { pdfMetadata } from './pdf/pdf-metadata';

/** Margin's page limit for PDFs: a book, not an archive dump. */
export const MAX_PDF_PAGES = IMPORT_PDF_MAX_PAGES;

/**
 * Reads a PDF's text layer into paragraphs (each with the page it starts on) and headings,
 * plus title, author and date from its document information. Scans without a text layer,
 * encrypted files without the right password, and damaged files fail with an ImportError.
 */
export async function parsePdf(
  bytes: Uint8Array,
  options: { password?: string },
): Promise<ParsedDocument> {
  // pdf.js inflates streams with no ceiling; a decompression bomb must never reach it.
  await checkPdfStreams(bytes);
  const task = openPdf(bytes, options.password);
  try {
    const pdf = await task.promise;
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new ImportError(
        'TOO_LARGE',
        `the PDF has ${pdf.numPages.toLocaleString('en-US')} pages; Margin imports PDFs of up to ${MAX_PDF_PAGES.toLocaleString('en-US')} pages`,
      );
    }
    const pages: PdfLine[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      // Marked-content entries carry no text; only their items do.
      const items: PdfTextItem[] = content.items.flatMap((item) => ('str' in item ? [item] : []));
      pages.push(pageLines(items, number));
    }
    const builder = new DocumentBuilder();
    for (const block of linesToBlocks(dropRunningLines(pages))) {
      const inlines = [{ text: block.text }];
      if (block.kind === 'heading') builder.heading(block.level, inlines, { page: block.page });
      else builder.paragraph(inlines, { page: block.page });
    }
    if (builder.isEmpty) {
      throw new ImportError(
        'NO_TEXT',
        'this PDF has no text layer (a scan). Margin cannot read it yet.',
      );
    }
    // Broken document information is no reason to refuse the text.
    const info = await pdf.getMetadata().then(
      (metadata) => metadata.info,
      () => null,
    );
    return { ...builder.build(), metadata: pdfMetadata(info) };
  } catch (error) {
    throw pdfImportError(error);
  } finally {
    await task.destroy();
  }
}
