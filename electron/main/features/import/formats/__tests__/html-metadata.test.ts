import { describe, expect, it } from 'vitest';
import { ImportError } from '../../import-error';
import { cleanByline } from '../html/clean-byline';
import { isoDate } from '../html/iso-date';
import { primaryLanguage } from '../html/primary-language';
import { parseHtml } from '../parse-html';

const PARAGRAPHS = Array.from(
  { length: 5 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the company reported revenue growth across all segments, with particular strength in software subscriptions, while management kept its full-year guidance unchanged and reiterated its capital return plans.</p>`,
).join('\n');

const page = (head: string, body = PARAGRAPHS, htmlAttributes = '') =>
  `<!doctype html><html ${htmlAttributes}><head>${head}</head><body><main><article>${body}</article></main></body></html>`;

describe('parseHtml metadata', () => {
  it('reads JSON-LD inside an @graph, resolving author and publisher references', async () => {
    const jsonLd = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': 'https://ex.example/#website', name: 'Example Markets' },
        { '@type': 'Organization', '@id': 'https://ex.example/#org', name: 'Example Media Group' },
        { '@type': 'Person', '@id': 'https://ex.example/#/person/1', name: 'Dana Whitfield' },
        {
          '@type': ['NewsArticle'],
          headline: 'Chipmaker raises guidance',
          author: { '@id': 'https://ex.example/#/person/1' },
          publisher: { '@id': 'https://ex.example/#org' },
          datePublished: '2026-01-31T23:15:00-05:00',
          inLanguage: 'en-GB',
        },
      ],
    };
    const doc = await parseHtml(
      page(`<title>Chipmaker raises guidance</title>
        <script type="application/ld+json">${JSON.stringify(jsonLd)}</script>`),
      { url: 'https://ex.example/news/chipmaker' },
    );
    expect(doc.metadata).toMatchObject({
      title: 'Chipmaker raises guidance',
      author: 'Dana Whitfield',
      source: 'Example Media Group',
      // The date in the article's own offset (UTC would already be February).
      publishedAt: '2026-01-31',
      language: 'en',
      url: 'https://ex.example/news/chipmaker',
    });
  });

  it('reads Highwire citation_* tags used by research portals', async () => {
    const doc = await parseHtml(
      page(`<title>Working paper</title>
        <meta name="citation_title" content="Liquidity and the Term Premium">
        <meta name="citation_author" content="Ng, Alice"><meta name="citation_author" content="Okafor, Ben">
        <meta name="citation_publication_date" content="2025/11/03">
        <meta name="citation_journal_title" content="Journal of Monetary Studies">
        <meta name="citation_language" content="EN">`),
    );
    expect(doc.metadata).toMatchObject({
      author: 'Ng, Alice, Okafor, Ben',
      publishedAt: '2025-11-03',
      source: 'Journal of Monetary Studies',
      language: 'en',
    });
  });

  it('prefers a same-site canonical URL and ignores one on another host', async () => {
    const head = (canonical: string) =>
      `<title>Story</title><link rel="canonical" href="${canonical}">`;
    const same = await parseHtml(page(head('/story?id=1')), {
      url: 'https://www.news.example/story?id=1&utm_source=x',
    });
    expect(same.metadata.url).toBe('https://www.news.example/story?id=1');
    const foreign = await parseHtml(page(head('https://elsewhere.example/x')), {
      url: 'https://news.example/story',
    });
    expect(foreign.metadata.url).toBe('https://news.example/story');
    const saved = await parseHtml(page(head('https://news.example/saved')));
    expect(saved.metadata.url).toBe('https://news.example/saved');
    // A saved page's relative links resolve against its canonical address.
    const withLink = await parseHtml(
      page(
        head('https://news.example/a/saved'),
        `${PARAGRAPHS}<p><a href="b">See also</a> more text here.</p>`,
      ),
    );
    expect(withLink.links.map((link) => link.href)).toContain('https://news.example/a/b');
  });

  it('takes the language from <html lang> and cleans "By" from bylines', async () => {
    const doc = await parseHtml(
      page(
        '<title>T</title><meta name="author" content="  By   Sam   Lee "><meta property="og:locale" content="fr_FR">',
        PARAGRAPHS,
        'lang="pt-BR"',
      ),
    );
    expect(doc.metadata.language).toBe('pt');
    expect(doc.metadata.author).toBe('Sam Lee');
  });

  it('adds the standfirst that Readability leaves in the page header', async () => {
    const dek = 'Management says the worst of the inventory correction is now behind the group.';
    const html = `<!doctype html><html><head><title>Recovery in sight</title>
      <meta name="description" content="${dek}"></head><body>
      <header class="article-header"><h1>Recovery in sight</h1><p class="standfirst">${dek}</p></header>
      <div class="article-body">${PARAGRAPHS}</div></body></html>`;
    const doc = await parseHtml(html);
    expect(doc.text.startsWith(`${dek}\n\nParagraph 1:`)).toBe(true);
    expect(doc.metadata.excerpt).toBe(dek);
  });

  it('imports a short page without article structure from its body', async () => {
    const doc = await parseHtml(
      '<html><body><div>Meeting moved to 3pm. Bring the Q3 model.</div></body></html>',
    );
    expect(doc.text).toBe('Meeting moved to 3pm. Bring the Q3 model.');
  });

  it('refuses a page without text as NO_TEXT', async () => {
    const empty = `<!doctype html><html><head><title>App</title><script>document.write('x')</script></head>
      <body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript>
      <img src="a.png"><svg><text>logo</text></svg></body></html>`;
    const error = await parseHtml(empty).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({
      code: 'NO_TEXT',
      reason: 'the page has no article text Margin could find',
    });
    await expect(parseHtml('')).rejects.toMatchObject({ code: 'NO_TEXT' });
  });
});

describe('metadata normalisers', () => {
  it.each([
    ['2021-11-01T10:52:50+0100', '2021-11-01'],
    ['2021-11-01T00:30:00+01:00', '2021-11-01'],
    ['2019-01-03T07:00:02.000Z', '2019-01-03'],
    ['2017-11-03 03:01:00.000000', '2017-11-03'],
    ['2015-04-30T07:19:58', '2015-04-30'],
    ['2025/11/03', '2025-11-03'],
    ['20240229', '2024-02-29'],
    ['05.03.2026', '2026-03-05'],
    ['Tue, 31 Mar 2026 23:30:00 -0500', '2026-03-31'],
    ['Wed, 01 Apr 2026 02:00:00 +0200', '2026-04-01'],
    ['March 5, 2026', '2026-03-05'],
    ['2023-02-30', undefined],
    ['2026', undefined],
    ['2026-03', undefined],
    ['03/05/2026', undefined],
    ['yesterday', undefined],
    ['Version 12', undefined],
    ['', undefined],
    [null, undefined],
  ])('isoDate(%j) is %j', (raw, expected) => {
    expect(isoDate(raw)).toBe(expected);
  });

  it.each([
    ['By Erin Cunningham', 'Erin Cunningham'],
    ['Von  Jürgen\n Weiß', 'Jürgen Weiß'],
    ['Par Sébastien Farcis', 'Sébastien Farcis'],
    ['by JOE HILDEBRAND |', 'JOE HILDEBRAND'],
    ['Mark Byford', 'Mark Byford'],
    ['May Lee', 'May Lee'],
    ['April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm', undefined],
    ['28.04.2019', undefined],
    ['https://www.facebook.com/someone', undefined],
    ['  ', undefined],
  ])('cleanByline(%j) is %j', (raw, expected) => {
    expect(cleanByline(raw)).toBe(expected);
  });

  it.each([
    ['en-US', 'en'],
    ['pt_BR', 'pt'],
    ['DE', 'de'],
    ['fil', 'fil'],
    ['und', undefined],
    ['x-klingon', undefined],
    ['english', undefined],
  ])('primaryLanguage(%j) is %j', (raw, expected) => {
    expect(primaryLanguage(raw)).toBe(expected);
  });
});
