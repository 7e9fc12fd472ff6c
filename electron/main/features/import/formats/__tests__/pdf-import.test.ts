import { describe, expect, it } from 'vitest';
import {
  FLOWING_TEXT,
  HYPHENATED_LINES,
  LEFT_COLUMN,
  LIGATURE_TEXT_PLAIN,
  MIXED_TEXT,
  RIGHT_COLUMN,
  RUNNING_HEADER,
  SIMPLE_PARAGRAPHS,
  SIMPLE_TITLE,
  TWO_COLUMN_TITLE,
  makeFlowingPdf,
  makeHyphenatedPdf,
  makeLigaturePdf,
  makeLongReportPdf,
  makeMixedPdf,
  makeSimplePdf,
  makeTwoColumnPdf,
} from '../../__tests__/fixtures/make-pdf';
import type { ParsedDocument } from '../../parsed-document';
import { parsePdf } from '../parse-pdf';

/** Each block as the analyst sees it: kind, page and text. */
function blocksOf(doc: ParsedDocument) {
  return doc.blocks.map((block) => ({
    kind: block.kind,
    page: block.page,
    text: doc.text.slice(block.start, block.end),
  }));
}

describe('parsePdf', () => {
  it('reads title, author and date, a heading and indented paragraphs', async () => {
    const doc = await parsePdf(await makeSimplePdf(), {});

    expect(doc.metadata).toEqual({
      title: SIMPLE_TITLE,
      author: 'Erika Mustermann',
      publishedAt: '2024-01-15',
    });
    expect(blocksOf(doc)).toEqual([
      { kind: 'heading', page: 1, text: SIMPLE_TITLE },
      ...SIMPLE_PARAGRAPHS.map((text) => ({ kind: 'paragraph', page: 1, text })),
    ]);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
  });

  it('ignores a title that only names the Word file', async () => {
    const doc = await parsePdf(
      await makeSimplePdf({ title: 'Microsoft Word - Q3_final_v2.docx' }),
      {},
    );
    expect(doc.metadata.title).toBeUndefined();
    expect(doc.metadata.author).toBe('Erika Mustermann');
  });

  it('reads a 50-page report page by page, without running header and page numbers', async () => {
    const { bytes, paragraphsByPage } = await makeLongReportPdf(50);

    const doc = await parsePdf(bytes, {});

    const expected = paragraphsByPage.flatMap((paragraphs, index) =>
      paragraphs.map((text) => ({ kind: 'paragraph', page: index + 1, text })),
    );
    expect(blocksOf(doc)).toEqual(expected);
    const onPage37 = blocksOf(doc).filter((block) => block.page === 37);
    expect(onPage37.map((block) => block.text)).toEqual(paragraphsByPage[36]);
    expect(doc.text).not.toContain(RUNNING_HEADER);
    expect(doc.text.split(/\s+/).length).toBeGreaterThan(50 * 350);
  });

  it('reads the left column fully before the right one, under a full-width title', async () => {
    const doc = await parsePdf(await makeTwoColumnPdf(), {});

    expect(blocksOf(doc)).toEqual([
      { kind: 'heading', page: 1, text: TWO_COLUMN_TITLE },
      ...[...LEFT_COLUMN, ...RIGHT_COLUMN].map((text) => ({ kind: 'paragraph', page: 1, text })),
    ]);
  });

  it('undoes end-of-line hyphenation but keeps the hyphen of compounds', async () => {
    const doc = await parsePdf(await makeHyphenatedPdf(), {});

    expect(HYPHENATED_LINES).toEqual([
      'Das Wachs-',
      'tum der Cloud-',
      'Dienste überraschte, die Vor-',
      'und Nachteile der Strategie sind klar.',
    ]);
    expect(doc.text).toBe(
      'Das Wachstum der Cloud-Dienste überraschte, die Vor- und Nachteile der Strategie sind klar.',
    );
  });

  it('spells out ligature characters', async () => {
    const doc = await parsePdf(await makeLigaturePdf(), {});
    expect(doc.text).toBe(LIGATURE_TEXT_PLAIN);
  });

  it('keeps a paragraph whole across a page break, located on the page it starts on', async () => {
    const doc = await parsePdf(await makeFlowingPdf(), {});

    expect(blocksOf(doc)).toEqual([{ kind: 'paragraph', page: 1, text: `${FLOWING_TEXT}.` }]);
  });

  it('imports the text of a PDF whose other page is only an image', async () => {
    const doc = await parsePdf(await makeMixedPdf(), {});
    expect(blocksOf(doc)).toEqual([{ kind: 'paragraph', page: 1, text: MIXED_TEXT }]);
  });
});
