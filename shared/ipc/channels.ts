/**
 * Every IPC channel, named `domain:verb`. This list is the runtime source of truth
 * for the preload (which must stay free of zod); `contract.ts` maps each name to its
 * schemas and the type checker refuses a contract that misses or adds a channel.
 */
export const channels = [
  'library:status',
  'articles:list',
  'articles:get',
  'articles:create',
  'articles:updateMetadata',
  'import:chooseFiles',
  'import:file',
  'import:bytes',
  'import:url',
  'import:cancel',
  'highlights:list',
  'highlights:create',
  'highlights:update',
  'highlights:reattach',
  'highlights:delete',
  'highlights:restore',
  'claims:query',
  'claims:relations',
  'relations:create',
  'relations:delete',
  'search:query',
  'search:status',
  'settings:watchlist',
  'settings:saveWatchlist',
  'codebook:list',
  'codebook:ensure',
  'codebook:rename',
  'codebook:merge',
  'samples:list',
  'samples:import',
] as const;

export type Channel = (typeof channels)[number];
