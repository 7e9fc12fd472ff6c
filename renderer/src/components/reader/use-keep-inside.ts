import { useLayoutEffect, type RefObject } from 'react';

const MARGIN = 8;

/**
 * Moves an absolutely placed element left until it fits inside its positioned parent:
 * a toolbar over words near the right edge must not run out of the reader. Runs after
 * every render that places it (its width is only known once rendered).
 */
export function useKeepInside(ref: RefObject<HTMLElement | null>, left: number | undefined) {
  useLayoutEffect(() => {
    const element = ref.current;
    const parent = element?.offsetParent as HTMLElement | null | undefined;
    if (!element || !parent || left === undefined) return;
    const max = parent.clientWidth - element.offsetWidth - MARGIN;
    element.style.left = `${Math.max(0, Math.min(left, max))}px`;
  }, [ref, left]);
}
