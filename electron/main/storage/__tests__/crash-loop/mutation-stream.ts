import { createHash } from 'node:crypto';
import type { Article } from '../../../../../shared/domain/article';
import type { ClaimClass, Highlight } from '../../../../../shared/domain/highlight';
import { QUOTE_CONTEXT_CHARS } from '../../../../../shared/domain/highlight-limits';
import type { Memo } from '../../../../../shared/domain/memo';
import type { MemoDoc, MemoNode } from '../../../../../shared/domain/memo-doc';
import { memoTemplateDoc } from '../../../../../shared/memo/memo-template';
import { seededRandom, seededUuid } from '../../../../../bench/random';
import { newMemo } from '../../../features/memos/new-memo';

/**
 * One change the analyst makes, fully determined by the stream's seed and its sequence
 * number. Every one writes `seq-<n>` into what it changes (title, note, memo text), so the
 * state found on disk names the mutation it came from.
 */
export type Mutation =
  | { seq: number; kind: 'import-article'; article: Article }
  | { seq: number; kind: 'add-highlight'; highlight: Highlight }
  | {
      seq: number;
      kind: 'edit-note';
      articleId: string;
      highlightId: string;
      note: string;
      updatedAt: string;
    }
  | { seq: number; kind: 'delete-highlight'; articleId: string; highlightId: string }
  | { seq: number; kind: 'create-memo'; memo: Memo }
  | {
      seq: number;
      kind: 'save-memo';
      memoId: string;
      baseVersion: number;
      title: string;
      doc: MemoDoc;
      at: string;
    };

/** What the library must hold once a prefix of the stream has been applied. */
export interface StreamState {
  articles: Map<string, Article>;
  highlights: Map<string, Highlight>;
  memos: Map<string, Memo>;
  /** Article, highlight or memo id → the last mutation that changed it (a delete too). */
  writers: Map<string, number>;
}

export interface MutationStream {
  /** The last mutation applied to `state`; 0 before the first. */
  readonly seq: number;
  readonly state: StreamState;
  /** The next mutation (`seq + 1`), without applying it. */
  peek(): Mutation;
  /** Applies the next mutation to `state` and returns it. */
  advance(): Mutation;
  /** Advances until `seq` is `target` (never backwards). */
  advanceTo(target: number): void;
  /** `state` as it would be after `peek()`: a copy, `state` itself is left alone. */
  peekState(): StreamState;
}

/**
 * The stream's own clock for the times it writes: mutation n happens n × 45 s after T0.
 * The library keeps the real clock for what it stamps itself (close revisions); T0 lies
 * years after that, so an autosave after a close revision always takes an `hourly`
 * revision too, and the revision path (two files per save) is cut by kills as well.
 */
const T0 = Date.parse('2030-01-07T08:00:00.000Z');
const STEP_MS = 45_000;
const stampOf = (seq: number) => new Date(T0 + seq * STEP_MS);

// Bounds keep a lane's library (and the parent's check of it) small however long it runs.
const MAX_ARTICLES = 60;
const MAX_HIGHLIGHTS = 150;
const MAX_MEMOS = 6;
/** Paragraphs of autosaved text kept in a memo's thesis section. */
const MEMO_PARAGRAPHS = 12;

const WORDS = (
  'revenue margin guidance quarter growth risk shares investors cloud capital expenditure ' +
  'Umsatz Marge Prognose Analysten Quartal Wachstum Risiko Aktie Bewertung Dividende ' +
  'the and of with for on has will not a an der die das und mit für von auf'
).split(' ');

const CLAIM_CLASSES: readonly ClaimClass[] = ['thesis', 'risk', 'evidence'];

function applyTo(state: StreamState, mutation: Mutation): void {
  const { seq } = mutation;
  switch (mutation.kind) {
    case 'import-article':
      state.articles.set(mutation.article.id, mutation.article);
      state.writers.set(mutation.article.id, seq);
      return;
    case 'add-highlight':
      state.highlights.set(mutation.highlight.id, mutation.highlight);
      state.writers.set(mutation.highlight.id, seq);
      return;
    case 'edit-note': {
      const current = state.highlights.get(mutation.highlightId)!;
      const { note, updatedAt } = mutation;
      state.highlights.set(mutation.highlightId, { ...current, note, updatedAt });
      state.writers.set(mutation.highlightId, seq);
      return;
    }
    case 'delete-highlight':
      state.highlights.delete(mutation.highlightId);
      state.writers.set(mutation.highlightId, seq);
      return;
    case 'create-memo':
      state.memos.set(mutation.memo.id, mutation.memo);
      state.writers.set(mutation.memo.id, seq);
      return;
    case 'save-memo': {
      const current = state.memos.get(mutation.memoId)!;
      state.memos.set(mutation.memoId, {
        ...current,
        title: mutation.title,
        doc: mutation.doc,
        updatedAt: mutation.at,
        version: mutation.baseVersion + 1,
      });
      state.writers.set(mutation.memoId, seq);
      return;
    }
  }
}

/**
 * A deterministic stream of library mutations from `seed`: article imports, highlights
 * added, their notes edited, highlights deleted, memos created and autosaved. Each choice
 * depends only on the seed and the state so far, so the child that applies the stream and
 * the parent that checks it compute the same mutation for the same sequence number.
 */
export function mutationStream(seed: number): MutationStream {
  const random = seededRandom(seed);
  const state: StreamState = {
    articles: new Map(),
    highlights: new Map(),
    memos: new Map(),
    writers: new Map(),
  };
  let seq = 0;
  let next: Mutation | null = null;

  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');

  function article(n: number): Article {
    const paragraphs = [`Article seq-${n}: ${words(20)}.`];
    const length = 1_000 + Math.floor(random() * 2_000);
    while (paragraphs.join('\n\n').length < length) paragraphs.push(`${words(30)}.`);
    const text = paragraphs.join('\n\n');
    let offset = 0;
    const blocks = paragraphs.map((p) => {
      const block = { kind: 'paragraph' as const, start: offset, end: offset + p.length };
      offset += p.length + 2;
      return block;
    });
    const importedAt = stampOf(n).toISOString();
    return {
      id: seededUuid(random),
      title: `Article seq-${n}`,
      source: 'Crash Loop Wire',
      author: null,
      publishedAt: importedAt.slice(0, 10),
      language: 'en',
      importedAt,
      url: null,
      tickers: [],
      companies: [],
      companiesStamp: null,
      tickersByAnalyst: false,
      versionOf: null,
      origin: { kind: 'paste', format: 'text' },
      contentHash: createHash('sha256').update(text).digest('hex'),
      wordCount: text.split(/\s+/).length,
      text,
      blocks,
      links: [],
    };
  }

  function highlight(n: number, target: Article): Highlight {
    const { text } = target;
    const start = Math.floor(random() * (text.length - 150));
    const end = start + 20 + Math.floor(random() * 120);
    const at = stampOf(n).toISOString();
    return {
      id: seededUuid(random),
      articleId: target.id,
      selectors: {
        quote: {
          exact: text.slice(start, end),
          prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start),
          suffix: text.slice(end, end + QUOTE_CONTEXT_CHARS),
        },
        position: { start, end },
      },
      page: null,
      claimClass: pick(CLAIM_CLASSES),
      tags: [],
      note: `seq-${n} added: ${words(8)}`,
      paraphrase: '',
      links: [],
      createdAt: at,
      updatedAt: at,
    };
  }

  /** The thesis section's paragraphs replaced by the newest autosaved ones (`seq-<n>` first). */
  function editedDoc(n: number, before: MemoDoc): MemoDoc {
    const thesisAt = before.content.findIndex((node) => node.attrs?.section === 'thesis');
    const nextHeadingAt = before.content.findIndex(
      (node, i) => i > thesisAt && node.type === 'heading',
    );
    const kept = before.content
      .slice(thesisAt + 1, nextHeadingAt)
      .filter((node) => node.content !== undefined)
      .slice(0, MEMO_PARAGRAPHS - 1);
    const added: MemoNode = {
      type: 'paragraph',
      content: [{ type: 'text', text: `seq-${n}: ${words(25 + Math.floor(random() * 40))}` }],
    };
    return {
      ...before,
      content: [
        ...before.content.slice(0, thesisAt + 1),
        added,
        ...kept,
        ...before.content.slice(nextHeadingAt),
      ],
    };
  }

  function generate(n: number): Mutation {
    const at = stampOf(n);
    const articles = [...state.articles.values()];
    const highlights = [...state.highlights.values()];
    const memos = [...state.memos.values()];
    const choices: [Mutation['kind'], number][] = [
      ['import-article', articles.length === 0 ? 1 : articles.length < MAX_ARTICLES ? 0.04 : 0],
      ['add-highlight', articles.length > 0 && highlights.length < MAX_HIGHLIGHTS ? 0.3 : 0],
      ['edit-note', highlights.length > 0 ? 0.2 : 0],
      ['delete-highlight', highlights.length > 0 ? (highlights.length > 100 ? 0.3 : 0.1) : 0],
      ['create-memo', memos.length === 0 ? 0.2 : memos.length < MAX_MEMOS ? 0.03 : 0],
      ['save-memo', memos.length > 0 ? 0.33 : 0],
    ];
    let roll = random() * choices.reduce((sum, [, weight]) => sum + weight, 0);
    const kind = choices.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'import-article';
    switch (kind) {
      case 'import-article':
        return { seq: n, kind, article: article(n) };
      case 'add-highlight':
        return { seq: n, kind, highlight: highlight(n, pick(articles)) };
      case 'edit-note': {
        const { id, articleId } = pick(highlights);
        const note = `seq-${n} edited: ${words(6 + Math.floor(random() * 30))}`;
        return {
          seq: n,
          kind,
          articleId,
          highlightId: id,
          note,
          updatedAt: at.toISOString(),
        };
      }
      case 'delete-highlight': {
        const { id, articleId } = pick(highlights);
        return { seq: n, kind, articleId, highlightId: id };
      }
      case 'create-memo': {
        const id = seededUuid(random);
        const memo = newMemo({ title: `Memo seq-${n}`, company: 'Crash Loop AG' }, id, at);
        return { seq: n, kind, memo: { ...memo, doc: editedDoc(n, memoTemplateDoc()) } };
      }
      case 'save-memo': {
        const memo = pick(memos);
        return {
          seq: n,
          kind,
          memoId: memo.id,
          baseVersion: memo.version,
          title: `${memo.title.replace(/ \(edit seq-\d+\)$/, '')} (edit seq-${n})`,
          doc: editedDoc(n, memo.doc),
          at: at.toISOString(),
        };
      }
    }
  }

  const stream: MutationStream = {
    get seq() {
      return seq;
    },
    state,
    peek: () => (next ??= generate(seq + 1)),
    advance: () => {
      const mutation = stream.peek();
      applyTo(state, mutation);
      next = null;
      seq = mutation.seq;
      return mutation;
    },
    advanceTo: (target) => {
      while (seq < target) stream.advance();
    },
    peekState: () => {
      const copy: StreamState = {
        articles: new Map(state.articles),
        highlights: new Map(state.highlights),
        memos: new Map(state.memos),
        writers: new Map(state.writers),
      };
      applyTo(copy, stream.peek());
      return copy;
    },
  };
  return stream;
}
