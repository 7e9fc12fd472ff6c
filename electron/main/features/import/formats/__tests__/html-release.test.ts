import { describe, expect, it } from 'vitest';
import { htmlFragmentToDocument } from '../html-to-document';
import { sharedWindow } from '../html/shared-window';
import { parseHtml } from '../parse-html';

/**
 * jsdom files elements with an `id` of every document made by a window, DOMParser's
 * included, under that window's named properties, and so keeps the documents alive. A
 * document Margin is done with must have let go of them.
 */
const filedOnWindow = (id: string) =>
  (sharedWindow().window as unknown as Record<string, unknown>)[id] !== undefined;

describe('documents of the shared window', () => {
  it('are filed on the window while they hold elements with ids (the leak this guards)', () => {
    const doc = new (sharedWindow().window.DOMParser)().parseFromString(
      '<p id="margin-probe-unreleased">x</p>',
      'text/html',
    );
    expect(filedOnWindow('margin-probe-unreleased')).toBe(true);
    doc.replaceChildren();
    expect(filedOnWindow('margin-probe-unreleased')).toBe(false);
  });

  it('are released by parseHtml, also when it fails', async () => {
    await parseHtml(
      '<html><head><link id="margin-probe-1"></head><body><article id="margin-probe-2"><p>An article paragraph with enough words to count as text.</p></article></body></html>',
    );
    await expect(parseHtml('<div id="margin-probe-3"></div>')).rejects.toThrow();
    for (const id of ['margin-probe-1', 'margin-probe-2', 'margin-probe-3']) {
      expect(filedOnWindow(id)).toBe(false);
    }
  });

  it('are released by htmlFragmentToDocument, head included', () => {
    htmlFragmentToDocument(
      '<html><head><style id="margin-probe-4"></style></head><body><p id="margin-probe-5">x</p></body></html>',
    );
    expect(filedOnWindow('margin-probe-4')).toBe(false);
    expect(filedOnWindow('margin-probe-5')).toBe(false);
  });
});
