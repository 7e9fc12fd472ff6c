import type { FileFilter } from '../dialogs';

/*
 * The file types the save dialogs offer. The first extension is the one a name gets when
 * the analyst types none.
 */

export const MARKDOWN_FILTERS: FileFilter[] = [{ name: 'Markdown', extensions: ['md'] }];

/** JSON-LD; `.json` too, for tools that only open that. */
export const WEB_ANNOTATION_FILTERS: FileFilter[] = [
  { name: 'Web Annotations (JSON-LD)', extensions: ['jsonld', 'json'] },
];

export const BACKUP_FILTERS: FileFilter[] = [{ name: 'Margin backup', extensions: ['zip'] }];
