import { z } from 'zod';
import {
  Article,
  ArticleAdded,
  ArticleMetadataUpdate,
  ArticleSummary,
  NewArticleInput,
} from '../domain/article';
import {
  EnsuredTags,
  EnsureTagsInput,
  MergedTags,
  MergeTagsInput,
  RenameTagInput,
  Tag,
} from '../domain/codebook';
import {
  AnchoredHighlight,
  Highlight,
  HighlightChanges,
  HighlightReattach,
  HighlightRef,
  HighlightVersionRef,
  NewHighlightInput,
} from '../domain/highlight';
import {
  ChosenFile,
  ImportBytesInput,
  ImportFileInput,
  ImportRequestId,
  ImportUrlInput,
} from '../domain/import-request';
import {
  ArticleSuggestions,
  LexiconEditsInput,
  SuggestionDecisionInput,
  SuggestionSettings,
} from '../domain/suggestion';
import { ClaimPage } from '../claims/claim-page';
import { ClaimQuery } from '../claims/claim-query';
import { ClaimLink, ClaimLinkRef, NewClaimLinkInput } from '../domain/claim-relation';
import { ClaimRelations } from '../domain/claim-relations';
import { WatchlistEntry } from '../domain/company';
import {
  AddCitationInput,
  AssembledSections,
  AssembleInput,
  CitationSnapshot,
  CitationState,
  HighlightIds,
  Memo,
  MemoBacklinks,
  MemoHeaderUpdate,
  MemoRef,
  MemoRevision,
  MemoRevisionRef,
  MemoRevisionSummary,
  MemoSaved,
  MemoSaveInput,
  MemoSnapshotInput,
  MemoStatusUpdate,
  MemoSummary,
  NewMemoInput,
  RecommendationScale,
} from '../domain/memo';
import {
  AnnotationsExportInput,
  ArticleExportInput,
  BackupOutcome,
  ClaimsExportInput,
  MemoExportInput,
  RestoreInput,
  RestoreOutcome,
  RestorePlan,
  SaveOutcome,
} from '../domain/export';
import {
  BackupCatalog,
  BackupEntryRef,
  GenerationRestored,
  SaveCopyInput,
} from '../domain/durability';
import { LibraryStatus } from '../domain/library-status';
import { IndexStatus, SearchRequest, SearchResults } from '../domain/search-result';
import { EntityId } from '../domain/primitives';
import { SampleInfo } from '../domain/sample';
import { AboutInfo, FolderOpened, OpenFolderInput, ProblemReport } from '../domain/app-info';
import { AppEventBatch, NextAppEventsInput } from '../domain/app-event';
import type { Channel } from './channels';

export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/** No payload: the renderer calls the method without arguments. */
const NoInput = z.undefined();

/**
 * The IPC contract, defined once: each channel's input and output schema. Main parses
 * every input with it; the preload and the renderer take their types from it.
 */
export const contract = {
  'library:status': { input: NoInput, output: LibraryStatus },
  'articles:list': { input: NoInput, output: z.array(ArticleSummary) },
  'articles:get': { input: z.object({ id: EntityId }), output: Article },
  'articles:create': { input: NewArticleInput, output: ArticleAdded },
  'articles:updateMetadata': { input: ArticleMetadataUpdate, output: ArticleSummary },
  'import:chooseFiles': { input: NoInput, output: z.array(ChosenFile) },
  'import:file': { input: ImportFileInput, output: ArticleAdded },
  'import:bytes': { input: ImportBytesInput, output: ArticleAdded },
  'import:url': { input: ImportUrlInput, output: ArticleAdded },
  'import:cancel': {
    input: z.object({ requestId: ImportRequestId }),
    output: z.object({ cancelled: z.boolean() }),
  },
  'highlights:list': {
    input: z.object({ articleId: EntityId }),
    output: z.array(AnchoredHighlight),
  },
  'highlights:create': { input: NewHighlightInput, output: AnchoredHighlight },
  'highlights:update': { input: HighlightChanges, output: AnchoredHighlight },
  'highlights:reattach': { input: HighlightReattach, output: AnchoredHighlight },
  /** Returns the deleted highlight, so the page can offer undo (`highlights:restore`). */
  'highlights:delete': { input: HighlightRef, output: Highlight },
  /** Puts back a version main handed out this session (undo of a delete or a re-attach). */
  'highlights:restore': { input: HighlightVersionRef, output: AnchoredHighlight },
  'claims:query': { input: ClaimQuery, output: ClaimPage },
  'claims:relations': { input: HighlightRef, output: ClaimRelations },
  'relations:create': { input: NewClaimLinkInput, output: ClaimLink },
  /** Returns the removed link, so the page can offer undo (create it again). */
  'relations:delete': { input: ClaimLinkRef, output: ClaimLink },
  'search:query': { input: SearchRequest, output: SearchResults },
  'search:status': { input: NoInput, output: IndexStatus },
  'settings:watchlist': { input: NoInput, output: z.array(WatchlistEntry) },
  /** Replaces the watchlist; articles are searched for the new companies in the background. */
  'settings:saveWatchlist': {
    input: z.array(WatchlistEntry).max(500),
    output: z.array(WatchlistEntry),
  },
  'settings:recommendationScale': { input: NoInput, output: RecommendationScale },
  'settings:saveRecommendationScale': { input: RecommendationScale, output: RecommendationScale },
  /** The article's claim suggestions, scored on the machine; dismissed ones left out. */
  'suggestions:list': {
    input: z.object({ articleId: EntityId }),
    output: ArticleSuggestions,
  },
  /**
   * Counts the analyst's decision for the suggestion's cues; a dismissed one is stored with
   * the article and stays dismissed. (Accepting creates the highlight with `highlights:create`.)
   */
  'suggestions:decide': {
    input: SuggestionDecisionInput,
    output: z.object({ dismissed: z.int().nonnegative() }),
  },
  /** Shows the article's dismissed suggestions again. */
  'suggestions:restoreDismissed': {
    input: z.object({ articleId: EntityId }),
    output: z.object({ restored: z.int().nonnegative() }),
  },
  'suggestions:settings': { input: NoInput, output: SuggestionSettings },
  /** Replaces the analyst's edits of one language's cue lexicon. */
  'suggestions:saveLexicon': { input: LexiconEditsInput, output: SuggestionSettings },
  'suggestions:resetCueStats': { input: NoInput, output: SuggestionSettings },
  'memos:list': { input: NoInput, output: z.array(MemoSummary) },
  'memos:get': { input: MemoRef, output: Memo },
  'memos:create': { input: NewMemoInput, output: Memo },
  /** An autosave of the body; refused when the memo changed since `baseVersion`. */
  'memos:save': { input: MemoSaveInput, output: MemoSaved },
  /** Changing the recommendation, price target or conviction needs a reason and is logged. */
  'memos:updateHeader': { input: MemoHeaderUpdate, output: Memo },
  'memos:setStatus': { input: MemoStatusUpdate, output: Memo },
  /** Newest first. */
  'memos:revisions': { input: MemoRef, output: z.array(MemoRevisionSummary) },
  'memos:revision': { input: MemoRevisionRef, output: MemoRevision },
  'memos:snapshot': { input: MemoSnapshotInput, output: MemoRevisionSummary },
  /** The snapshot a new citation of this claim keeps. */
  'memos:citation': { input: z.object({ highlightId: EntityId }), output: CitationSnapshot },
  'memos:citationStates': { input: HighlightIds, output: z.array(CitationState) },
  /** For each claim, the memos citing it (claims no memo cites are left out). */
  'memos:backlinks': { input: HighlightIds, output: MemoBacklinks },
  'memos:addCitation': { input: AddCitationInput, output: Memo },
  'memos:assemble': { input: AssembleInput, output: AssembledSections },
  'codebook:list': { input: NoInput, output: z.array(Tag) },
  'codebook:ensure': { input: EnsureTagsInput, output: EnsuredTags },
  'codebook:rename': { input: RenameTagInput, output: z.array(Tag) },
  'codebook:merge': { input: MergeTagsInput, output: MergedTags },
  'samples:list': { input: NoInput, output: z.array(SampleInfo) },
  'samples:import': { input: z.object({ sampleId: SampleInfo.shape.id }), output: ArticleAdded },
  /** Each export asks where to save (a native dialog) and writes the file atomically. */
  'export:memoMarkdown': { input: MemoExportInput, output: SaveOutcome },
  'export:articleMarkdown': { input: ArticleExportInput, output: SaveOutcome },
  'export:articleAnnotations': { input: AnnotationsExportInput, output: SaveOutcome },
  'export:claimsMarkdown': { input: ClaimsExportInput, output: SaveOutcome },
  /** The whole library in one zip file. */
  'library:backup': { input: NoInput, output: BackupOutcome },
  /** Asks for a backup file and checks it; null when the analyst cancelled. */
  'library:chooseBackup': { input: NoInput, output: RestorePlan.nullable() },
  /** Replaces the library with the checked backup (the page asked first if it was not empty). */
  'library:restore': { input: RestoreInput, output: RestoreOutcome },
  /** While saving fails: the whole library plus the page's unsaved memos, to a zip the analyst chooses. */
  'library:saveCopy': { input: SaveCopyInput, output: SaveOutcome },
  /** The rolling copies of the store files and the daily snapshots in the data folder. */
  'backups:list': { input: NoInput, output: BackupCatalog },
  /** Checks a daily snapshot for `library:restore`, like a backup the analyst chose. */
  'backups:planRestore': { input: BackupEntryRef, output: RestorePlan },
  /** Puts a rolling copy back in place of its file (the current file is kept as a copy first). */
  'backups:restoreGeneration': { input: BackupEntryRef, output: GenerationRestored },
  /** Versions, the data and log folders, and the licenses of the bundled dependencies. */
  'app:about': { input: NoInput, output: AboutInfo },
  /** Shows the data or the log folder in the OS file manager (the page names it, never a path). */
  'app:openFolder': { input: OpenFolderInput, output: FolderOpened },
  /** A plain-text report (versions, folders, counts, the log's end) for the analyst to copy; nothing is sent. */
  'app:problemReport': { input: NoInput, output: ProblemReport },
  /**
   * Waits for files opened with Margin and for Help menu commands after the page's cursor
   * (a long poll: it answers when there is one, or with nothing when a newer call replaces it).
   */
  'app:nextEvents': { input: NextAppEventsInput, output: AppEventBatch },
} as const satisfies { [C in Channel]: ChannelSpec };

export type Contract = typeof contract;
/** What the renderer may send on a channel (before main's parsing). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What main hands to the feature after parsing. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
