import mammoth from 'mammoth';
import { ImportError } from '../import-error';
import type { ParsedDocument } from '../parsed-document';
import { checkZip } from './check-zip';
import { coreProperties } from './docx/core-properties';
import { refuseLegacyWord } from './docx/refuse-legacy-word';
import { htmlFragmentToDocument } from './html-to-document';

const MAIN_PART = 'word/document.xml';
const CORE_PROPERTIES = 'docProps/core.xml';

/** Images are dropped without being read; mammoth still adds their alt text to the element. */
const dropImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/**
 * Imports a Word document: the zip is proven safe first (no bomb), mammoth turns the
 * Word structure into HTML without touching files outside the package (CVE-2025-11849),
 * and that HTML goes through the same sanitiser and block walker as web pages.
 */
export async function parseDocx(bytes: Uint8Array): Promise<ParsedDocument> {
  refuseLegacyWord(bytes);
  const zip = await checkZip(bytes, { fileKind: '.docx file', keep: [CORE_PROPERTIES] });
  if (!zip.entryNames.has(MAIN_PART)) {
    throw new ImportError('DAMAGED_FILE', 'the file is a zip archive but not a Word document');
  }

  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { externalFileAccess: false, convertImage: dropImage, includeEmbeddedStyleMap: false },
    );
    html = result.value;
  } catch (error) {
    throw new ImportError('DAMAGED_FILE', 'the Word document is damaged and could not be read', {
      cause: error,
    });
  }

  const document = await htmlFragmentToDocument(html, {});
  if (document.text.trim() === '') {
    throw new ImportError('NO_TEXT', 'the document has no text');
  }
  const core = zip.kept.get(CORE_PROPERTIES);
  return {
    ...document,
    metadata: { ...document.metadata, ...(core ? coreProperties(core) : {}) },
  };
}
