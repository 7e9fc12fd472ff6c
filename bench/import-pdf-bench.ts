import { makeLongReportPdf } from '../electron/main/features/import/__tests__/fixtures/make-pdf';
import { parsePdf } from '../electron/main/features/import/formats/parse-pdf';
import { openPdf } from '../electron/main/features/import/formats/pdf/open-pdf';
import type { BenchRow } from './results';
import { median } from './stats';

const PAGES = 50;
const WARM_UPS = 3;
const RUNS = 21;

/**
 * The peer: pdf.js text extraction alone, with the same loading options as Margin —
 * getDocument, then getTextContent per page, items joined. No layout, no paragraphs.
 */
export async function extractPdfTextWithPdfjs(bytes: Uint8Array): Promise<string> {
  const task = openPdf(bytes);
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return pages.join('\n');
  } finally {
    await task.destroy();
  }
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

/**
 * PDF import of a 50-page report (≈ 400 words a page): Margin's parsePdf against pdf.js
 * text extraction alone, run alternately so both see the same machine state.
 */
export async function runImportPdfBench(log: (line: string) => void): Promise<BenchRow[]> {
  log(`Building a ${PAGES}-page PDF report…`);
  const { bytes } = await makeLongReportPdf(PAGES);

  log('Measuring PDF import against pdf.js text extraction alone…');
  for (let i = 0; i < WARM_UPS; i++) {
    await parsePdf(bytes, {});
    await extractPdfTextWithPdfjs(bytes);
  }
  const margin: number[] = [];
  const pdfjs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate which goes first, so neither always inherits the other's garbage.
    if (i % 2 === 0) {
      margin.push(await timed(() => parsePdf(bytes, {})));
      pdfjs.push(await timed(() => extractPdfTextWithPdfjs(bytes)));
    } else {
      pdfjs.push(await timed(() => extractPdfTextWithPdfjs(bytes)));
      margin.push(await timed(() => parsePdf(bytes, {})));
    }
  }
  const marginMs = median(margin);
  const pdfjsMs = median(pdfjs);
  // Each pair ran back to back under the same load: the median of their ratios is steadier
  // on a busy machine than the ratio of the two medians.
  const ratio = median(margin.map((ms, i) => ms / pdfjs[i]!));
  return [
    {
      id: 'import.pdf50.ms',
      label: `Import a ${PAGES}-page PDF report (parsePdf: text, layout, paragraphs), median of ${RUNS}`,
      value: marginMs,
      unit: 'ms',
      target: null,
      peer: { label: 'pdf.js text extraction alone', value: pdfjsMs },
    },
    {
      id: 'import.pdf50.ratio_to_pdfjs',
      label: `PDF import ÷ pdf.js text extraction alone, median of ${RUNS} back-to-back pairs`,
      value: ratio,
      unit: '×',
      target: 1.3,
      peer: { label: 'ratio of the medians', value: marginMs / pdfjsMs },
    },
  ];
}
