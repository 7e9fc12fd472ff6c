import type { ImportFormat } from '../../../../shared/domain/article';

/** What the parser worker is asked to read. Plain data: it crosses a thread boundary. */
export type ParseRequest =
  | {
      kind: 'bytes';
      format: ImportFormat;
      bytes: Uint8Array;
      /** Charset named by the HTTP `Content-Type` header, for URL imports. */
      declaredCharset?: string | null | undefined;
      /** The page's address, to resolve relative links (URL imports). */
      url?: string | undefined;
      password?: string | undefined;
    }
  | { kind: 'paste'; text: string; html?: string | undefined };
