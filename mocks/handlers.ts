import { createLiveHandlers, type MockContext } from './handlers-live.ts';

export type { MockContext } from './handlers-live.ts';
export { lastPublishedMonth } from './server/routes.ts';

/**
 * MSW handlers for every dataset the screens need, answering from the seeded
 * generators through the one route table the feed server serves too
 * (`mocks/server/routes.ts` → `jsonRoutes`: economy, emergency, public
 * sentiment), plus the SSE streams. Paths start with `*` so the app works
 * under any base path.
 */
export function createHandlers(ctx: MockContext) {
  return createLiveHandlers(ctx);
}
