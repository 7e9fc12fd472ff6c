import { z } from 'zod';
import { Article, ArticleAdded, ArticleSummary, NewArticleInput } from '../domain/article';
import { LibraryStatus } from '../domain/library-status';
import { EntityId } from '../domain/primitives';
import { SampleInfo } from '../domain/sample';
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
  'samples:list': { input: NoInput, output: z.array(SampleInfo) },
  'samples:import': { input: z.object({ sampleId: SampleInfo.shape.id }), output: ArticleAdded },
} as const satisfies { [C in Channel]: ChannelSpec };

export type Contract = typeof contract;
/** What the renderer may send on a channel (before main's parsing). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What main hands to the feature after parsing. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
