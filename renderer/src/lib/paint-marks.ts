/** Performance marks the open-to-painted benchmark reads (bench/reader-paint-bench.ts). */
export const paintMarks = {
  select: 'margin:article-select',
  painted: 'margin:highlights-painted',
  measure: 'margin:open-to-painted',
} as const;
