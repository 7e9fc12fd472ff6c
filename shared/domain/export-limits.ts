// Zod-free on purpose: the renderer shows this limit.

/** Most claims one claims-board export holds (the board's filters narrow it further). */
export const CLAIMS_EXPORT_MAX = 10_000;
