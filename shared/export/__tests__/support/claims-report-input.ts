import type { ClaimsReportInput } from '../../claims-markdown';
import type { ReportSource } from '../../report-input';

/** A golden case's input file: the report input with its sources map as an array. */
export type ClaimsReportInputFile = Omit<ClaimsReportInput, 'sources'> & {
  description: string;
  sources: ReportSource[];
};

export function claimsReportInput({
  description: _,
  sources,
  ...input
}: ClaimsReportInputFile): ClaimsReportInput {
  return { ...input, sources: new Map(sources.map((source) => [source.articleId, source])) };
}

/** The front matter a claims report must carry, worked out from the input on its own. */
export function expectedClaimsFrontMatter(input: ClaimsReportInput): Record<string, unknown> {
  return {
    title: input.title,
    filters: input.filters,
    claims: input.claims.length,
    sources: new Set(input.claims.map((claim) => claim.articleId)).size,
    exported: input.exportedAt,
    generator: `${input.generator.name} ${input.generator.version}`,
  };
}

/** One footnote per distinct claim. */
export function expectedClaimsFootnotes(input: ClaimsReportInput): number {
  return new Set(input.claims.map((claim) => claim.highlightId)).size;
}
