import { create } from 'zustand';
import type { Tag } from '../../../shared/domain/codebook';
import { tagPaths } from '../../../shared/domain/tag-path';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

interface CodebookState {
  tags: Tag[];
  /** Full paths by id (`Risk › Regulatory`), derived whenever the tags change. */
  paths: Map<string, string>;
  loadError: string | null;
  load(): Promise<void>;
  /** The ids for these paths, creating missing tags; throws WorkbenchCallError. */
  ensure(paths: string[]): Promise<string[]>;
  rename(id: string, name: string): Promise<void>;
  merge(fromId: string, intoId: string): Promise<number>;
}

function withPaths(tags: Tag[]) {
  return { tags, paths: tagPaths(tags) };
}

/** The analyst's tags. Highlights hold ids; names and paths come from here. */
export const useCodebookStore = create<CodebookState>()((set) => ({
  tags: [],
  paths: new Map(),
  loadError: null,

  async load() {
    try {
      set({ ...withPaths(await requireWorkbench().codebook.list()), loadError: null });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },

  async ensure(paths) {
    if (paths.length === 0) return [];
    const { codebook, ids } = await requireWorkbench().codebook.ensure({ paths });
    set(withPaths(codebook));
    return ids;
  },

  async rename(id, name) {
    set(withPaths(await requireWorkbench().codebook.rename({ id, name })));
  },

  async merge(fromId, intoId) {
    const { codebook, highlightsChanged } = await requireWorkbench().codebook.merge({
      fromId,
      intoId,
    });
    set(withPaths(codebook));
    return highlightsChanged;
  },
}));
