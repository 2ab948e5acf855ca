import { z } from 'zod';

/**
 * No code generation in a page: zod's object fast path compiles with
 * `new Function`, which the page's CSP (script-src 'self', no 'unsafe-eval')
 * refuses — zod then falls back to its interpreter anyway, but only after the
 * browser has reported a `securitypolicyviolation` on every start
 * (e2e/fixtures.ts fails on it). So a page runs jitless from the first parse,
 * exactly what it ran before; Node (the feed server, data-layer tests) keeps
 * the compiled path. Imported by the contracts and by the adapter registry,
 * so it runs before config.json is parsed.
 */
if (typeof window !== 'undefined') z.config({ jitless: true });
