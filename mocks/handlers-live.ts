import type { MockContext } from './handlers.ts';

/** MSW handlers for the emergency and public-sentiment feeds (pull snapshots and SSE streams). */
export function createLiveHandlers(_ctx: MockContext) {
  return [];
}
