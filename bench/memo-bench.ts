import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from '@playwright/test';
import { MainProcess } from '../e2e/support/main-process';
import { seedsDir } from '../e2e/support/paths';
import { libraryLayout } from '../electron/main/storage/library-layout';
import { memoFileSpec } from '../electron/main/storage/memo-files';
import { serializeStoreFile } from '../electron/main/storage/parse-store-file';
import { summarizeMemo } from '../electron/main/storage/summarize-memo';
import { MemoSaveInput, type Memo } from '../shared/domain/memo';
import type { MemoDoc, MemoNode } from '../shared/domain/memo-doc';
import type { Channel } from '../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../shared/ipc/contract';
import type { ClaimReferenceAttrs } from '../shared/memo/claim-reference';
import { claimReferenceNode, insertIntoSection } from '../shared/memo/memo-doc-ops';
import { assertMemoDocStructure } from '../shared/memo/memo-doc-structure';
import { memoWordCount } from '../shared/memo/memo-plain-text';
import { MEMO_SECTIONS, type MemoSectionId } from '../shared/memo/memo-sections';
import { memoTemplateDoc } from '../shared/memo/memo-template';
import { citationSourceLabel } from '../shared/memo/source-label';
import { seededRandom } from './random';
import { rawDurableWrite } from './raw-durable-write';
import { openReaderHarness } from './reader-harness';
import type { BenchRow } from './results';
import { median, percentile, timeEach } from './stats';

const CITATIONS = 200;
/** 10 articles with 20 highlighted sentences each: the claims the memo cites. */
const ARTICLES = 10;
const PAGES = 20;
const WORDS_PER_PAGE = 500;
/** Top-level paragraphs of the memo body; two citations in each. */
const PARAGRAPHS = 100;
/** Per memo: each is opened twice (alternately), with this many keys each time. */
const OPENS_PER_MEMO = 2;
const WARM_UP_KEYS = 10;
const MEASURED_KEYS = 100;
/** Between the starts of two keystrokes: a quick typist. */
const KEY_INTERVAL_MS = 100;
/**
 * Every so many keys the typist pauses just past the autosave delay (600 ms), so the
 * autosave fires and the next keystrokes meet its write and its reply, as when writing.
 */
const PAUSE_EVERY = 25;
const PAUSE_MS = 620;
const KEY_TIMEOUT_MS = 5_000;
const SAVES = 100;
/** Unmeasured saves first: main's first few run cold (zod and V8 warming up). */
const SAVE_WARM_UPS = 10;
const SEED = 20261127;
const OPEN_TIMEOUT_MS = 60_000;

const TITLE_CITED = 'Bench memo A: Microsoft and OpenAI, 200 citations';
const TITLE_PLAIN = 'Bench memo B: Microsoft and OpenAI, quotes as plain text';

const SOURCES = [
  'Handelsblatt',
  'Frankfurter Allgemeine',
  'Reuters',
  'Bloomberg',
  'Financial Times',
  'The Wall Street Journal',
  'The Information',
  'Börsen-Zeitung',
  'Der Spiegel',
];

/** What the analyst writes around the quotes (seeded picks make the memo's prose). */
const PROSE = [
  'Microsoft remains the cleanest way to own the build-out of enterprise AI, but the price already assumes that the OpenAI partnership holds on today’s terms.',
  'Azure grew faster than the market expected in each of the last four quarters, and management attributes roughly a third of that growth to AI workloads.',
  'The question for the next twelve months is not demand but supply: capacity, power and the cost of the chips that serve the models.',
  'Capital expenditure has doubled in two years, and depreciation will weigh on operating margins well before the revenue from that capacity arrives.',
  'We think the market underestimates how much of the Copilot revenue is still promotional pricing inside existing Microsoft 365 agreements.',
  'Gross margin in the cloud segment fell by two points last year; most of the decline is the mix shift towards GPU capacity.',
  'OpenAI’s wish for more independence is rational from its side, and we should assume it will keep negotiating for it.',
  'The exclusivity on the API runs through the end of the decade, which gives Microsoft time but not certainty.',
  'Our base case keeps revenue growth in the mid-teens, with operating margin roughly flat as higher depreciation offsets operating leverage.',
  'At thirty times next year’s earnings the shares are not cheap, but they are cheaper than in any year since the partnership began.',
  'The risk we worry about most is a renegotiation that moves model hosting to a second cloud provider.',
  'Regulators in Brussels and Washington are looking at the partnership, and a forced restructuring would take at least two years.',
  'Enterprise customers buy from Microsoft because of the contract they already have, not because of the model behind the product.',
  'That distribution advantage is the part of the thesis that does not depend on OpenAI at all.',
  'If the models commoditise, Microsoft keeps the customer relationship while the model providers lose pricing power.',
  'If they do not, Microsoft pays more for access, and the margin on every AI seat it sells gets thinner.',
  'We checked the claims below against the last two quarterly reports and the transcript of the investor day.',
  'None of the sources suggests that the partnership is about to end; several suggest that its terms are about to change.',
  'The stock has lagged the other large platforms by about fifteen percent since the summer.',
  'Part of that gap is the market pricing the dependency; part of it is the capital cycle.',
  'We would add to the position below the price that implies mid-single-digit growth in the cloud business.',
  'Free cash flow conversion is the number to watch, because it shows whether the capacity spending is earning its return.',
  'Management has been clear that it will not slow the build-out even if utilisation dips for a few quarters.',
  'The competitive field is wider than a year ago: Google, Amazon and Meta all ship models of their own.',
  'For our purposes the important distinction is between who trains the frontier models and who sells them to companies.',
  'Microsoft does not need to win the first to win the second.',
  'The catalysts are the next two earnings calls, any filing that changes the revenue share, and the regulatory decisions due in the spring.',
  'We would change our mind if Azure growth fell below twenty percent while capital spending kept rising.',
  'A second trigger would be evidence that large customers are moving AI workloads off Azure.',
  'So far the data points in the other direction, but the sample is small and the contracts are young.',
  'The valuation work uses three scenarios, weighted sixty, twenty-five and fifteen percent.',
  'In the bear case the partnership is restructured and the multiple falls to the market’s, which leaves about twenty percent downside.',
];

/** Said before a quote: the quote follows, then a full stop. */
const LEAD_INS = [
  'One report puts it plainly:',
  'The coverage is direct about this:',
  'As the source says,',
  'Compare:',
  'The article notes:',
  'In the words of the reporting,',
];

/** The app's sender frame and origin as the e2e bridge reports them (any loopback origin). */
const APP_ORIGIN = 'http://127.0.0.1:9';
const APP_FRAME = { url: `${APP_ORIGIN}/index.html`, parent: null };

/** One call through the real main side (sender guard, contract parsing, handler). */
async function call<C extends Channel>(
  main: MainProcess,
  channel: C,
  payload: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const envelope = await main.invoke(APP_FRAME, APP_ORIGIN, channel, payload);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as ChannelOutput<C>;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The sentences of an article's paragraphs, as [start, end) offsets into its text. */
function sentencesOf(
  text: string,
  blocks: ReadonlyArray<{ kind: string; start: number; end: number }>,
) {
  const spans: Array<[number, number]> = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    const body = text.slice(block.start, block.end);
    for (const match of body.matchAll(/[^\s.!?][^.!?]*[.!?]+(?=\s|$)/gu)) {
      if (match[0].length < 40) continue; // a headline or a fragment, not a claim
      spans.push([block.start + match.index, block.start + match.index + match[0].length]);
    }
  }
  return spans;
}

/** Fisher–Yates with the seeded random: the same picks on every run. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * The library, all through the real main handlers: the seed sample and nine more articles
 * of its paragraphs, rotated (another headline, publisher and date each),
 * 20 highlighted sentences in each (thesis, risk and evidence in turn), and the snapshot
 * `memos:citation` gives for each, in the order the memo will cite them.
 */
async function buildClaims(
  main: MainProcess,
  log: (line: string) => void,
): Promise<ClaimReferenceAttrs[]> {
  const random = seededRandom(SEED);
  const seed = await readFile(join(seedsDir, 'microsoft-openai-de.txt'), 'utf8');
  const paragraphs = seed
    .split(/\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const articleIds = [
    (await call(main, 'samples:import', { sampleId: 'microsoft-openai-de' })).article.id,
  ];
  for (let n = 1; n < ARTICLES; n++) {
    const title = `Microsoft und OpenAI: Lagebericht ${n}`;
    const order = [
      ...paragraphs.slice(n % paragraphs.length),
      ...paragraphs.slice(0, n % paragraphs.length),
    ];
    const added = await call(main, 'articles:create', {
      text: `${title}\n\n${order.join('\n\n')}`,
      title,
      source: SOURCES[n - 1]!,
      publishedAt: `2026-${String(1 + n).padStart(2, '0')}-${String(3 + 2 * n).padStart(2, '0')}`,
    });
    if (!added.created) throw new Error(`Article ${n} was not created (same text as another?)`);
    articleIds.push(added.article.id);
  }
  const perArticle = CITATIONS / ARTICLES;
  const highlightIds: string[] = [];
  for (const articleId of articleIds) {
    const article = await call(main, 'articles:get', { id: articleId });
    const spans = shuffled(sentencesOf(article.text, article.blocks), random).slice(0, perArticle);
    if (spans.length < perArticle)
      throw new Error(`Only ${spans.length} sentences in ${article.title}`);
    for (const [start, end] of spans) {
      const created = await call(main, 'highlights:create', {
        articleId,
        start,
        end,
        claimClass: (['thesis', 'risk', 'evidence'] as const)[highlightIds.length % 3]!,
      });
      highlightIds.push(created.highlight.id);
    }
  }
  // Cited in an order that mixes the articles, as a memo built from several sources does.
  const snapshots: ClaimReferenceAttrs[] = [];
  for (const highlightId of shuffled(highlightIds, random)) {
    snapshots.push(await call(main, 'memos:citation', { highlightId }));
  }
  log(
    `  ${ARTICLES} articles, ${highlightIds.length} highlights; quotes of ` +
      `${Math.min(...snapshots.map((s) => s.quote.length))}–` +
      `${Math.max(...snapshots.map((s) => s.quote.length))} characters.`,
  );
  return snapshots;
}

/** A paragraph's inline content: prose (strings) and citations, in order. */
type Inline = string | ClaimReferenceAttrs;

/** Text nodes with the adjacent strings merged (as ProseMirror would store them). */
function inlineNodes(items: readonly Inline[]): MemoNode[] {
  const nodes: MemoNode[] = [];
  let text = '';
  for (const item of items) {
    if (typeof item === 'string') {
      text += item;
      continue;
    }
    if (text) nodes.push({ type: 'text', text });
    text = '';
    nodes.push(claimReferenceNode(item));
  }
  if (text) nodes.push({ type: 'text', text });
  return nodes;
}

/** What a citation shows, as plain text of the same length: “quote” (source, date, ¶n). */
const asPlainQuote = (attrs: ClaimReferenceAttrs) =>
  `“${attrs.quote}” (${citationSourceLabel(attrs)})`;

/** How many of the body's paragraphs each section gets (the analysis is in the middle). */
const SECTION_WEIGHTS: Record<MemoSectionId, number> = {
  summary: 8,
  thesis: 24,
  risks: 20,
  evidence: 24,
  valuation: 12,
  catalysts: 7,
  changeMind: 5,
};

interface MemoBodies {
  cited: MemoDoc;
  plain: MemoDoc;
  /** Index among the editor's top-level paragraphs of the one the caret goes into. */
  caretParagraph: number;
  words: number;
}

/**
 * The 20-page memo: the template's sections filled with PARAGRAPHS paragraphs of seeded
 * prose, two citations in each (after a sentence, introduced by a lead-in), prose sized
 * so the whole memo (quotes included) is PAGES × WORDS_PER_PAGE words. The plain twin has
 * each citation replaced by the text it shows, so only the node views differ.
 */
function buildMemoBodies(snapshots: readonly ClaimReferenceAttrs[]): MemoBodies {
  const random = seededRandom(SEED + 1);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const perParagraph = CITATIONS / PARAGRAPHS;
  const quoteWords = snapshots.reduce((sum, s) => sum + words(asPlainQuote(s)), 0);
  const leadInWords = 4 * CITATIONS; // about four words each
  const proseWordsPerParagraph = (PAGES * WORDS_PER_PAGE - quoteWords - leadInWords) / PARAGRAPHS;
  let proseWords = 0;

  const paragraphs: Inline[][] = [];
  for (let p = 0; p < PARAGRAPHS; p++) {
    const cites = snapshots.slice(p * perParagraph, (p + 1) * perParagraph);
    // Sentences until the prose so far reaches its share: paragraphs differ in length,
    // the memo's total does not drift.
    const sentences: string[] = [];
    while (proseWords < proseWordsPerParagraph * (p + 1) || sentences.length <= cites.length) {
      const sentence = pick(PROSE);
      sentences.push(sentence);
      proseWords += words(sentence);
    }
    // Citation c follows sentence at[c]: never before the first sentence, so every
    // paragraph starts with prose (the caret is clicked there).
    const at = cites.map((_, c) => Math.floor(((c + 1) * sentences.length) / (cites.length + 1)));
    const items: Inline[] = [];
    sentences.forEach((sentence, s) => {
      items.push(s === 0 ? sentence : ` ${sentence}`);
      cites.forEach((attrs, c) => {
        if (at[c] === s + 1) {
          items.push(` ${pick(LEAD_INS)} `, attrs, '.');
        }
      });
    });
    paragraphs.push(items);
  }

  const totalWeight = Object.values(SECTION_WEIGHTS).reduce((a, b) => a + b, 0);
  const build = (plain: boolean) => {
    let doc = memoTemplateDoc();
    let next = 0;
    MEMO_SECTIONS.forEach(({ id }, s) => {
      const last = s === MEMO_SECTIONS.length - 1;
      const count = last
        ? PARAGRAPHS - next
        : Math.round((SECTION_WEIGHTS[id] / totalWeight) * PARAGRAPHS);
      const nodes = paragraphs.slice(next, next + count).map((items): MemoNode => ({
        type: 'paragraph',
        content: inlineNodes(
          plain ? items.map((i) => (typeof i === 'string' ? i : asPlainQuote(i))) : items,
        ),
      }));
      next += count;
      doc = insertIntoSection(doc, id, nodes);
    });
    return doc;
  };
  const cited = build(false);
  const plain = build(true);
  for (const doc of [cited, plain]) assertMemoDocStructure(doc);
  return { cited, plain, caretParagraph: Math.floor(PARAGRAPHS / 2), words: memoWordCount(cited) };
}

/** Creates the two memos (template, then one autosave with the whole body), as the app would. */
async function createMemos(main: MainProcess, bodies: MemoBodies) {
  const created: Record<'cited' | 'plain', string> = { cited: '', plain: '' };
  for (const [kind, title, doc] of [
    ['cited', TITLE_CITED, bodies.cited],
    ['plain', TITLE_PLAIN, bodies.plain],
  ] as const) {
    const memo = await call(main, 'memos:create', { ticker: 'MSFT', company: 'Microsoft', title });
    await call(main, 'memos:save', { id: memo.id, baseVersion: memo.version, title, doc });
    created[kind] = memo.id;
  }
  return created;
}

// ---------------------------------------------------------------------------------------
// In the page. These functions are serialised into Chromium: no named inner functions or
// `const f = () => …` (tsx would wrap them in a helper the page does not have).

/** One keystroke's timeline, all `performance.now()` in the page. */
interface KeySample {
  key: string;
  /** In the first keydown listener to run (window, capture phase). */
  keyAt: number;
  /** tiptap's `beforeTransaction` of the first transaction that changed the doc. */
  txStart: number;
  /** tiptap's `update` after it (the view and node views updated, the app's onUpdate run). */
  txEnd: number;
  /** A microtask queued then: after the React renders the transaction scheduled. */
  scriptEnd: number;
  /** The next animation frame's callback. */
  frameAt: number;
  /** A task posted from that callback: after the frame's style, layout and paint. */
  doneAt: number;
  /** An autosave was in flight at the keydown, or its reply landed before `doneAt`. */
  nearSave: boolean;
  /** Autosave replies received before the keydown. */
  repliesAtKey: number;
}

interface ProbeEditor {
  on(
    event: 'beforeTransaction',
    fn: (props: { transaction: { docChanged: boolean } }) => void,
  ): unknown;
  on(event: 'update', fn: () => void): unknown;
  state: { selection: { empty: boolean; $from: { parent: { type: { name: string } } } } };
}

interface KeystrokeProbe {
  armed: boolean;
  current: KeySample | null;
  samples: KeySample[];
  savesInFlight: number;
  saveReplies: number;
  waiter: { index: number; resolve: (sample: KeySample) => void; timer: unknown } | null;
  /** Hooks the open memo's editor; returns what is wrong, or null. */
  attach(): string | null;
  finish(sample: KeySample): void;
  take(index: number, timeoutMs: number): Promise<KeySample>;
}

interface ProbeWindow {
  document: {
    querySelector(selector: string): { editor?: ProbeEditor } | null;
    querySelectorAll(selector: string): { length: number };
  };
  requestAnimationFrame(callback: () => void): number;
  addEventListener(
    type: 'keydown',
    listener: (event: { key: string }) => void,
    options: { capture: boolean },
  ): void;
  __marginInvoke: (channel: string, payload: unknown) => Promise<unknown>;
  __memoProbe?: KeystrokeProbe;
}

/**
 * Installs `window.__memoProbe`. A keystroke's figure spans from the first keydown
 * listener (before ProseMirror's own) through the transaction it causes to the end of
 * the next frame rendered after that transaction: requestAnimationFrame, then a posted
 * task. Inside: the keydown handlers (ProseMirror's keymaps; Backspace is handled there),
 * for a typed character Chromium's own text insertion into the contenteditable (with its
 * forced layout and selection sync) and ProseMirror reading it back from the DOM, the
 * transaction (apply, view update, the citations' React node views, tiptap's listeners,
 * the app's autosave scheduling), the React renders they queue, and the frame's style
 * recalculation, layout and paint. Not inside: the time before the keydown reaches the
 * page, and rasterising and compositing off the main thread.
 */
function installKeystrokeProbe(): void {
  const page = globalThis as unknown as ProbeWindow;
  const probe: KeystrokeProbe = {
    armed: false,
    current: null,
    samples: [],
    savesInFlight: 0,
    saveReplies: 0,
    waiter: null,
    attach() {
      const editor = page.document.querySelector('[aria-label="Memo text"]')?.editor;
      if (!editor) return 'the memo text has no tiptap editor';
      const selection = editor.state.selection;
      if (!selection.empty || selection.$from.parent.type.name !== 'paragraph') {
        return 'the caret is not in a paragraph';
      }
      editor.on('beforeTransaction', ({ transaction }) => {
        const sample = probe.current;
        if (sample && transaction.docChanged && Number.isNaN(sample.txStart)) {
          sample.txStart = performance.now();
        }
      });
      editor.on('update', () => {
        const sample = probe.current;
        if (!sample || !Number.isNaN(sample.txEnd)) return;
        sample.txEnd = performance.now();
        queueMicrotask(() => {
          sample.scriptEnd = performance.now();
        });
        page.requestAnimationFrame(() => {
          sample.frameAt = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            channel.port1.close();
            sample.doneAt = performance.now();
            probe.finish(sample);
          };
          channel.port2.postMessage(null);
        });
      });
      probe.armed = true;
      return null;
    },
    finish(sample) {
      if (probe.current === sample) probe.current = null;
      sample.nearSave ||= sample.repliesAtKey !== probe.saveReplies;
      probe.samples.push(sample);
      const waiter = probe.waiter;
      if (waiter && waiter.index === probe.samples.length - 1) {
        probe.waiter = null;
        clearTimeout(waiter.timer as ReturnType<typeof setTimeout>);
        waiter.resolve(sample);
      }
    },
    take(index, timeoutMs) {
      const ready = probe.samples[index];
      if (ready) return Promise.resolve(ready);
      return new Promise<KeySample>((resolve, reject) => {
        const timer = setTimeout(() => {
          probe.waiter = null;
          reject(
            new Error(
              `Keystroke ${index} (${probe.current?.key ?? 'none seen'}) changed nothing within ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        probe.waiter = { index, resolve, timer };
      });
    },
  };
  page.addEventListener(
    'keydown',
    (event) => {
      if (!probe.armed) return;
      probe.current = {
        key: event.key,
        keyAt: performance.now(),
        txStart: Number.NaN,
        txEnd: Number.NaN,
        scriptEnd: Number.NaN,
        frameAt: Number.NaN,
        doneAt: Number.NaN,
        nearSave: probe.savesInFlight > 0,
        repliesAtKey: probe.saveReplies,
      };
    },
    { capture: true },
  );
  // The bridge looks `__marginInvoke` up on every call: count the autosaves in flight.
  const invoke = page.__marginInvoke;
  page.__marginInvoke = (channel, payload) => {
    if (channel !== 'memos:save') return invoke(channel, payload);
    probe.savesInFlight++;
    return invoke(channel, payload).finally(() => {
      probe.savesInFlight--;
      probe.saveReplies++;
    });
  };
  page.__memoProbe = probe;
}

// ---------------------------------------------------------------------------------------
// In Node: driving the page.

/** What the analyst types: fluent text with typos corrected (Backspace) now and then. */
const TYPED =
  'Azure capacity should ease in the second half, which supports the margin case and our view on the multiple. ';

/** `count` keys from TYPED (cyclically): a wrong letter then Backspace in about 8% of letters. */
function typingKeys(count: number, random: () => number): string[] {
  const keys: string[] = [];
  for (let i = 0; keys.length < count; i++) {
    const char = TYPED[i % TYPED.length]!;
    if (/[a-z]/.test(char) && random() < 0.08) {
      keys.push(String.fromCharCode(((char.charCodeAt(0) - 96) % 26) + 97), 'Backspace');
    }
    keys.push(char);
  }
  return keys.slice(0, count);
}

/** The text the keys leave behind. */
const typedText = (keys: readonly string[]) =>
  keys.reduce((text, key) => (key === 'Backspace' ? text.slice(0, -1) : text + key), '');

const memoText = (page: Page) => page.getByRole('textbox', { name: 'Memo text' });

/**
 * Opens the memo from the list, waits for its text and citations, clicks the caret into
 * the start of a paragraph near the middle (scrolled to the centre first) and hooks the
 * probe to the new editor.
 */
async function openMemo(
  page: Page,
  title: string,
  citations: number,
  caretParagraph: number,
): Promise<void> {
  await page
    .getByRole('listbox', { name: 'Memos' })
    .getByRole('option')
    .filter({ hasText: title })
    .click();
  await page.getByRole('region', { name: `Memo: ${title}` }).waitFor({ timeout: OPEN_TIMEOUT_MS });
  await page.waitForFunction(
    ([cites, paragraphs]) => {
      const { document } = globalThis as unknown as ProbeWindow;
      return (
        document.querySelectorAll('[aria-label="Memo text"] > p').length === paragraphs &&
        document.querySelectorAll('[aria-label="Memo text"] [data-testid="claim-ref"]').length ===
          cites
      );
    },
    [citations, PARAGRAPHS] as const,
    { timeout: OPEN_TIMEOUT_MS },
  );
  // The citation states arrive after the editor: let that render land before typing.
  await sleep(1_000);
  const paragraph = memoText(page).locator(':scope > p').nth(caretParagraph);
  await paragraph.evaluate((p) =>
    (p as unknown as { scrollIntoView(options: object): void }).scrollIntoView({
      block: 'center',
    }),
  );
  await paragraph.click({ position: { x: 3, y: 8 } });
  const problem = await page.evaluate(() =>
    (globalThis as unknown as ProbeWindow).__memoProbe!.attach(),
  );
  if (problem) throw new Error(`"${title}": ${problem}`);
}

/** Presses each key, waits for its figure to land in the page, then keeps the typing pace. */
async function typeKeys(page: Page, keys: readonly string[], firstIndex: number) {
  const samples: KeySample[] = [];
  for (const [n, key] of keys.entries()) {
    const started = performance.now();
    if (key === 'Backspace') await page.keyboard.press('Backspace');
    else await page.keyboard.type(key);
    samples.push(
      await page.evaluate(
        ([index, timeout]) =>
          (globalThis as unknown as ProbeWindow).__memoProbe!.take(index, timeout),
        [firstIndex + n, KEY_TIMEOUT_MS] as const,
      ),
    );
    const gap = (n + 1) % PAUSE_EVERY === 0 ? PAUSE_MS : KEY_INTERVAL_MS;
    const rest = gap - (performance.now() - started);
    if (rest > 0) await sleep(rest);
  }
  return samples;
}

const total = (s: KeySample) => s.doneAt - s.keyAt;

const stat = (samples: readonly number[]) =>
  `median ${median(samples).toFixed(1)}, p95 ${percentile(samples, 95).toFixed(1)}`;

/** Where a keystroke's time goes, as medians and p95s of each stretch. */
function breakdown(samples: readonly KeySample[]): string {
  const parts: Array<[string, (s: KeySample) => number]> = [
    ['keydown → transaction (incl. native text insertion)', (s) => s.txStart - s.keyAt],
    ['transaction', (s) => s.txEnd - s.txStart],
    ['microtasks (React)', (s) => s.scriptEnd - s.txEnd],
    ['wait for frame', (s) => s.frameAt - s.scriptEnd],
    ['frame (style, layout, paint)', (s) => s.doneAt - s.frameAt],
  ];
  return parts.map(([name, part]) => `      ${name}: ${stat(samples.map(part))} ms`).join('\n');
}

function describeKeystrokes(
  name: string,
  samples: readonly KeySample[],
  log: (line: string) => void,
) {
  const totals = samples.map(total);
  const near = samples.filter((s) => s.nearSave).map(total);
  const over = (ms: number) => totals.filter((t) => t > ms).length;
  log(
    `  ${name}: ${stat(totals)} ms (min ${Math.min(...totals).toFixed(1)}, max ` +
      `${Math.max(...totals).toFixed(1)}); ${over(16)} over 16 ms, ${over(50)} over 50 ms; ` +
      `${near.length} met an autosave${near.length ? ` (their ${stat(near)} ms)` : ''}`,
  );
  log(breakdown(samples));
}

interface KeystrokeResult {
  cited: KeySample[];
  plain: KeySample[];
}

/**
 * Typing in both memos in the built renderer in Chromium (main over loopback HTTP, about
 * what Electron's IPC costs), each opened OPENS_PER_MEMO times, alternately and in both
 * orders: WARM_UP_KEYS unmeasured keys after each open, then MEASURED_KEYS.
 */
async function measureKeystrokes(
  root: string,
  bodies: MemoBodies,
  log: (line: string) => void,
): Promise<KeystrokeResult> {
  const harness = await openReaderHarness(root, { log });
  try {
    const { page } = harness;
    await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').first().waitFor();
    await page.evaluate(installKeystrokeProbe);
    await page.keyboard.press('ControlOrMeta+Digit3');
    await page.getByRole('listbox', { name: 'Memos' }).getByRole('option').nth(1).waitFor();

    const random = seededRandom(SEED + 2);
    const result: KeystrokeResult = { cited: [], plain: [] };
    let pressed = 0;
    for (let round = 0; round < OPENS_PER_MEMO; round++) {
      const order = round % 2 === 0 ? (['cited', 'plain'] as const) : (['plain', 'cited'] as const);
      for (const kind of order) {
        const title = kind === 'cited' ? TITLE_CITED : TITLE_PLAIN;
        const citations = kind === 'cited' ? CITATIONS : 0;
        await openMemo(page, title, citations, bodies.caretParagraph);
        const keys = typingKeys(WARM_UP_KEYS + MEASURED_KEYS, random);
        const samples = await typeKeys(page, keys, pressed);
        pressed += keys.length;
        result[kind].push(...samples.slice(WARM_UP_KEYS));

        // The keys went where they were meant to, and no citation was lost.
        const text = await memoText(page)
          .locator(':scope > p')
          .nth(bodies.caretParagraph)
          .textContent();
        if (!text?.includes(typedText(keys).trim())) {
          throw new Error(`"${title}": the typed text is not in the paragraph clicked`);
        }
        const cites = await memoText(page).getByTestId('claim-ref').count();
        if (cites !== citations)
          throw new Error(`"${title}" shows ${cites} citations after typing`);
        await page
          .getByTestId('memo-save-state')
          .filter({ hasText: /^Saved$/ })
          .waitFor({ timeout: 10_000 });
        log(
          `  ${kind === 'cited' ? 'cited' : 'plain'} memo, open ${round + 1}: ${MEASURED_KEYS} keys measured.`,
        );
      }
    }
    if (harness.pageErrors.length > 0) {
      throw new Error(`The page threw: ${harness.pageErrors.join('; ')}`);
    }
    if (harness.cspViolations.length > 0) {
      log(`  Warning: CSP violations: ${harness.cspViolations.join('; ')}`);
    }
    return result;
  } finally {
    await harness.close();
  }
}

/** The memo with a word added at the end of the first text of a paragraph: one autosave's edit. */
function editedDoc(doc: MemoDoc, paragraph: number, n: number): MemoDoc {
  let seen = -1;
  return {
    ...doc,
    content: doc.content.map((node) => {
      if (node.type !== 'paragraph' || ++seen !== paragraph) return node;
      const [first, ...rest] = node.content ?? [];
      if (first?.type !== 'text') throw new Error('The paragraph does not start with text');
      return { ...node, content: [{ ...first, text: `${first.text} edit${n}` }, ...rest] };
    }),
  };
}

interface AutosaveResult {
  saves: number[];
  raw: number[];
  bytes: number;
}

/**
 * The autosave of the cited memo through the real main side (contract parsing, schema
 * check, durable write of memo.json, the catalog's digest), SAVES times after SAVE_WARM_UPS,
 * each a small edit of the version before; the peer writes the same memo.json bytes durably with nothing else.
 */
async function measureAutosave(
  root: string,
  memoId: string,
  paragraph: number,
  log: (line: string) => void,
): Promise<AutosaveResult> {
  const main = await MainProcess.start(root);
  // The parser worker loads its libraries for seconds after a start, on the same two cores;
  // a writing session's autosaves come long after. A small import waits for it to be ready.
  await call(main, 'import:bytes', {
    requestId: randomUUID(),
    name: 'warm-up note.txt',
    bytes: new TextEncoder().encode('The parser is ready once this note is imported.'),
  });
  let memo: Memo;
  let saves: number[];
  try {
    memo = await call(main, 'memos:get', { id: memoId });
    // Each save gets its own copy, as IPC would deliver it (nothing shared with the last),
    // made just before it and outside the timing: holding every copy at once would make
    // the heap, and so the collector's pauses, far larger than the app's.
    const runs = SAVE_WARM_UPS + SAVES;
    const timed: number[] = [];
    for (let n = 0; n < runs; n++) {
      const doc = structuredClone(editedDoc(memo.doc, paragraph, n));
      const started = performance.now();
      const saved = await call(main, 'memos:save', {
        id: memo.id,
        baseVersion: memo.version + n,
        title: memo.title,
        doc,
      });
      timed.push(performance.now() - started);
      if (saved.revision !== null) throw new Error('An autosave took an hourly revision');
    }
    saves = timed.slice(SAVE_WARM_UPS);
  } finally {
    await main.stop();
  }

  // Where a save's time goes: its parts alone, on a copy as IPC would deliver it, each
  // warmed up first (diagnostics for the log, not the measured figure).
  const doc = structuredClone(editedDoc(memo.doc, paragraph, SAVE_WARM_UPS + SAVES));
  const payload = { id: memo.id, baseVersion: memo.version, title: memo.title, doc };
  const stored: Memo = { ...memo, doc };
  const part = async (task: () => unknown) => {
    await timeEach(10, async () => void task());
    return median(await timeEach(31, async () => void task()));
  };
  const parse = await part(() => MemoSaveInput.safeParse(payload));
  const schema = await part(() => assertMemoDocStructure(doc));
  const serialize = await part(() =>
    serializeStoreFile(memoFileSpec, { schemaVersion: 1, memo: stored, newestRevision: null }),
  );
  const digest = await part(() => summarizeMemo(stored));

  const path = libraryLayout(root).memoFile(memoId);
  const bytes = await readFile(path, 'utf8');
  const raw = await timeEach(SAVES, () => rawDurableWrite(path, bytes));
  log(
    `  memos:save ${stat(saves)} ms (max ${Math.max(...saves).toFixed(1)}); raw durable write ` +
      `of the same ${(Buffer.byteLength(bytes) / 1024).toFixed(0)} KB ${stat(raw)} ms.`,
  );
  log(
    `      its parts alone in Node (medians): contract parse ${parse.toFixed(1)} ms, schema check ` +
      `${schema.toFixed(1)} ms, validate + serialise ${serialize.toFixed(1)} ms, digest (word count) ${digest.toFixed(1)} ms`,
  );
  return { saves, raw, bytes: Buffer.byteLength(bytes) };
}

/**
 * The memo benchmark: typing in a 20-page memo with 200 citations in the built renderer in
 * Chromium (keystroke to paint, against the same memo with its citations as plain text),
 * and the autosave's durable write of it (against a raw durable write of the same bytes).
 */
export async function runMemoBench(log: (line: string) => void): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'margin-bench-memo-'));
  try {
    log(
      `Building ${ARTICLES} articles with ${CITATIONS} highlights and two ${PAGES}-page memos (one citing them all)…`,
    );
    const setup = await MainProcess.start(root);
    let bodies: MemoBodies;
    let ids: Record<'cited' | 'plain', string>;
    try {
      bodies = buildMemoBodies(await buildClaims(setup, log));
      ids = await createMemos(setup, bodies);
    } finally {
      await setup.stop();
    }
    log(
      `  ${bodies.words.toLocaleString('en')} words in ${PARAGRAPHS} paragraphs; ` +
        `${CITATIONS} citations, or as many plain quotes of the same length.`,
    );

    log(
      `Typing in both memos in Chromium (main over loopback HTTP): ${OPENS_PER_MEMO} opens each, ` +
        `${WARM_UP_KEYS} warm-up and ${MEASURED_KEYS} measured keys per open…`,
    );
    const keys = await measureKeystrokes(root, bodies, log);
    describeKeystrokes(`${CITATIONS} citations`, keys.cited, log);
    describeKeystrokes('plain quotes', keys.plain, log);

    log(
      `Autosaving the cited memo through memos:save: ${SAVE_WARM_UPS} warm-up saves, ${SAVES} measured…`,
    );
    const autosave = await measureAutosave(root, ids.cited, bodies.caretParagraph, log);

    const cited = keys.cited.map(total);
    const plain = keys.plain.map(total);
    const measured = OPENS_PER_MEMO * MEASURED_KEYS;
    return [
      {
        id: 'memo.keystroke.median',
        label: `Memo keystroke to paint, ${PAGES} pages, ${CITATIONS} citations, in Chromium (median of ${measured})`,
        value: median(cited),
        unit: 'ms',
        target: 16,
        peer: { label: 'same memo, citations as plain text', value: median(plain) },
      },
      {
        id: 'memo.keystroke.p95',
        label: `Memo keystroke to paint, ${PAGES} pages, ${CITATIONS} citations, in Chromium (p95 of ${measured})`,
        value: percentile(cited, 95),
        unit: 'ms',
        target: 50,
        peer: { label: 'same memo, citations as plain text', value: percentile(plain, 95) },
      },
      {
        id: 'memo.autosave.p95',
        label: `Memo autosave (memos:save, durable), ${PAGES} pages, ${CITATIONS} citations, ${(autosave.bytes / 1024).toFixed(0)} KB (p95 of ${SAVES})`,
        value: percentile(autosave.saves, 95),
        unit: 'ms',
        target: 10,
        peer: {
          label: 'raw durable write of the same memo.json',
          value: percentile(autosave.raw, 95),
        },
      },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
