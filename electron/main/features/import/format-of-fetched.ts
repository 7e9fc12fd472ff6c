import type { ImportFormat } from '../../../../shared/domain/article';
import { extensionOf, resolveFormat } from './resolve-format';
import type { FetchedResource } from './fetch-url';
import { ImportError } from './import-error';

const BY_MEDIA_TYPE: Readonly<Record<string, ImportFormat>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/x-markdown': 'md',
  'message/rfc822': 'eml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** The format of a downloaded resource: its media type, else its URL's extension, else its bytes. */
export function formatOfFetched(resource: FetchedResource): ImportFormat {
  const byType = resource.mediaType ? BY_MEDIA_TYPE[resource.mediaType] : undefined;
  const path = new URL(resource.finalUrl).pathname;
  const byExtension = extensionOf(path);
  const name =
    byType !== undefined
      ? `page.${byType}`
      : ['pdf', 'docx', 'md', 'txt', 'html', 'htm', 'eml'].includes(byExtension)
        ? `page.${byExtension}`
        : looksLikeHtml(resource.bytes)
          ? 'page.html'
          : null;
  if (!name) {
    throw new ImportError(
      'UNSUPPORTED_FORMAT',
      `the address returned ${resource.mediaType ?? 'content of an unknown type'}, which Margin cannot import`,
    );
  }
  return resolveFormat(name, resource.bytes);
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}
