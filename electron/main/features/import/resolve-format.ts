import type { ImportFormat } from '../../../../shared/domain/article';
import { looksLikeText, sniffBinaryKind } from './decode/sniff-binary-kind';
import { ImportError } from './import-error';

const BY_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
  eml: 'eml',
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);

const SUPPORTED_LIST = 'Margin imports .txt, .md, .html, .pdf, .docx and .eml files';

export function extensionOf(fileName: string): string {
  const match = /\.([^./\\]+)$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : '';
}

/**
 * The format to import a file as: named by its extension, confirmed by its first bytes.
 * A file whose content contradicts its name gets a message saying what it really is,
 * before any parser sees it.
 */
export function resolveFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  if (bytes.length === 0) throw new ImportError('NO_TEXT', 'the file is empty');
  const extension = extensionOf(fileName);
  const format = BY_EXTENSION[extension];
  const kind = sniffBinaryKind(bytes);
  if (!format) {
    throw new ImportError(
      'UNSUPPORTED_FORMAT',
      `${extension ? `.${extension} files are not supported` : 'the file has no extension'}${kind ? ` (this one is ${kind})` : ''}. ${SUPPORTED_LIST}`,
    );
  }
  if (format === 'pdf') {
    if (kind !== 'a PDF file' && !hasPdfHeaderNearStart(bytes)) {
      throw new ImportError(
        'DAMAGED_FILE',
        `the file is not a PDF${kind ? ` (it is ${kind})` : ''}, or it is damaged`,
      );
    }
    return format;
  }
  if (format === 'docx') {
    if (kind !== 'a zip archive') {
      throw new ImportError(
        'DAMAGED_FILE',
        `the file is not a Word document (.docx)${kind ? `: it is ${kind}` : ''}, or it is damaged`,
      );
    }
    return format;
  }
  if (kind || !looksLikeText(bytes)) {
    throw new ImportError(
      'UNSUPPORTED_FORMAT',
      `the file is named .${extension} but it is ${kind ?? 'binary data, not text'}`,
    );
  }
  return format;
}

/** PDF readers accept the `%PDF-` header anywhere in the first 1,024 bytes. */
function hasPdfHeaderNearStart(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}
