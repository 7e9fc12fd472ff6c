import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanByline } from '../html/clean-byline';
import { primaryLanguage } from '../html/primary-language';
import { parseHtml } from '../parse-html';

/** Readability's own test pages with its expected metadata; `shared/` beside the repository. */
/** Readability's test pages with their expected metadata (a copy of ../shared/corpus). */
const CORPUS = join(import.meta.dirname, '../../../../../../e2e/fixtures/news-html');

interface Expected {
  title: string | null;
  byline: string | null;
  lang?: string | null;
  excerpt: string | null;
}

const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The excerpt's first sentence: up to the first `.`, `!`, `?` or `…` followed by a space. */
function firstSentence(excerpt: string): string {
  const text = normalise(excerpt);
  return /^.*?[.!?…](?=\s|$)/.exec(text)?.[0] ?? text;
}

/** One window for all pages: a jsdom window per page would stay in memory for good. */
const oracle = new JSDOM('', { virtualConsole: new VirtualConsole() }).window;

/** What a reader sees of the source page: body text without scripts, styles or templates. */
function sourceBodyText(html: string): string {
  const document = new oracle.DOMParser().parseFromString(html, 'text/html');
  for (const node of Array.from(document.querySelectorAll('script, style, noscript, template'))) {
    node.remove();
  }
  const text = normalise(document.body?.textContent ?? '');
  document.replaceChildren();
  return text;
}

function rate(label: string, passed: number, total: number): number {
  const share = total === 0 ? 1 : passed / total;
  console.log(`corpus: ${label} ${passed}/${total} (${Math.round(share * 100)}%)`);
  return share;
}

describe('the news-html corpus', () => {
  const pages = readdirSync(CORPUS)
    .filter((name) => statSync(join(CORPUS, name)).isDirectory())
    .sort();

  it('finds the corpus', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
  });

  it('imports title, byline, language and body text as Readability expects', async () => {
    const tally = {
      title: [0, 0],
      byline: [0, 0],
      language: [0, 0],
      excerpt: [0, 0],
    } satisfies Record<string, [number, number]>;
    const failures: string[] = [];
    const count = (key: keyof typeof tally, page: string, ok: boolean, detail: string) => {
      tally[key][1]++;
      if (ok) tally[key][0]++;
      else failures.push(`${page} ${key}: ${detail}`);
    };

    for (const page of pages) {
      const html = readFileSync(join(CORPUS, page, 'source.html'), 'utf8');
      const expected = JSON.parse(
        readFileSync(join(CORPUS, page, 'expected-metadata.json'), 'utf8'),
      ) as Expected;
      const imported = await parseHtml(html, { url: 'http://fakehost/test/page.html' });
      const { metadata } = imported;

      if (expected.title !== null) {
        const want = normalise(expected.title);
        count('title', page, metadata.title === want, `${metadata.title} ≠ ${want}`);
      }
      if (expected.byline !== null) {
        const want = cleanByline(expected.byline)?.toLowerCase();
        const got = cleanByline(metadata.author)?.toLowerCase();
        count('byline', page, got === want, `${got} ≠ ${want} (raw: ${expected.byline})`);
      }
      if (expected.lang) {
        const want = primaryLanguage(expected.lang);
        count('language', page, metadata.language === want, `${metadata.language} ≠ ${want}`);
      }
      if (expected.excerpt) {
        const sentence = firstSentence(expected.excerpt);
        if (sourceBodyText(html).includes(sentence)) {
          const found = normalise(imported.text).includes(sentence);
          count('excerpt', page, found, `"${sentence}" missing from the imported text`);
        }
      }
    }

    for (const failure of failures) console.log(`corpus miss: ${failure}`);
    const title = rate('title', ...tally.title);
    const byline = rate('byline', ...tally.byline);
    const language = rate('language', ...tally.language);
    const excerpt = rate('excerpt first sentence in text', ...tally.excerpt);
    expect(title).toBeGreaterThanOrEqual(0.9);
    expect(byline).toBeGreaterThanOrEqual(0.8);
    expect(language).toBeGreaterThanOrEqual(0.9);
    expect(excerpt).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
