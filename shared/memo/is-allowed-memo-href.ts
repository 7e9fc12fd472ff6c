import { safeLinkHref } from '../text/safe-link-href';

/** Links a memo may hold: http, https and mailto, checked with the same rule as imports. */
export const isAllowedMemoHref = (href: string): boolean => safeLinkHref(href) === href;
