import { Extension, type Editor, type Range } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import { ReactRenderer } from '@tiptap/react';
import Suggestion, { type SuggestionOptions } from '@tiptap/suggestion';
import { findCiteItems, type CiteItem } from './cite-items';
import { CitePicker, type CitePickerHandle, type CitePickerProps } from './CitePicker';
import { insertCitation } from './insert-citation';

interface CiteSuggestionOptions {
  /** The memo's ticker: before a word is typed, its claims are offered first. */
  ticker: () => string | null;
}

/** Places the picker under the typed trigger, kept inside the window. */
function place(element: HTMLElement, rect: DOMRect | null | undefined): void {
  if (!rect) return;
  const top = Math.min(rect.bottom + 4, window.innerHeight - element.offsetHeight - 8);
  element.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - 440))}px`;
  element.style.top = `${Math.max(8, top)}px`;
}

function renderPicker(): ReturnType<NonNullable<SuggestionOptions<CiteItem>['render']>> {
  let renderer: ReactRenderer<CitePickerHandle, CitePickerProps> | undefined;
  return {
    onStart(props) {
      renderer = new ReactRenderer(CitePicker, {
        editor: props.editor,
        props: { items: props.items, query: props.query, loading: true, command: props.command },
      });
      const element = renderer.element as HTMLElement;
      element.classList.add('cite-picker-layer');
      document.body.append(element);
      place(element, props.clientRect?.());
    },
    onUpdate(props) {
      renderer?.updateProps({
        items: props.items,
        query: props.query,
        loading: false,
        command: props.command,
      });
      if (renderer) place(renderer.element as HTMLElement, props.clientRect?.());
    },
    onKeyDown({ event }) {
      if (event.key === 'Escape') return false;
      return renderer?.ref?.onKeyDown(event) ?? false;
    },
    onExit() {
      renderer?.element.remove();
      renderer?.destroy();
      renderer = undefined;
    },
  };
}

function citeSuggestion(
  editor: Editor,
  char: string,
  key: string,
  ticker: () => string | null,
  allowSpaces: boolean,
): SuggestionOptions<CiteItem> {
  return {
    editor,
    char,
    pluginKey: new PluginKey(key),
    allowSpaces,
    // Only at the start of a word: "ir@msft.com" or "and/cite" is text, not a search.
    allowedPrefixes: [' '],
    items: async ({ query }) => {
      try {
        return await findCiteItems(query, ticker());
      } catch {
        return [];
      }
    },
    command: ({
      editor: target,
      range,
      props: item,
    }: {
      editor: Editor;
      range: Range;
      props: CiteItem;
    }) => {
      target.chain().focus().deleteRange(range).run();
      void insertCitation(target as never, item.id, range.from);
    },
    render: renderPicker,
  };
}

/** `/cite` and `@` followed by a search open a list of claims; Enter cites the one chosen. */
export const CiteSuggestion = Extension.create<CiteSuggestionOptions>({
  name: 'citeSuggestion',
  addOptions() {
    return { ticker: () => null };
  },
  addProseMirrorPlugins() {
    return [
      // `/cite` searches several words; `@` one word, so "trading @ 25x" stays text.
      Suggestion(citeSuggestion(this.editor, '/cite', 'citeSlash', this.options.ticker, true)),
      Suggestion(citeSuggestion(this.editor, '@', 'citeAt', this.options.ticker, false)),
    ];
  },
});
