import '../contracts/zod-config.ts';
import { Registry } from '../../lib/registry';
import { httpAdapter } from './http';
import { sseAdapter } from './sse';
import { staticAdapter } from './static';
import type { AdapterFactory } from './types';
import { websocketAdapter } from './websocket';

/**
 * Adapter registry. Built-ins are listed here explicitly; a site adds its own
 * adapter by writing one file and one `register` line (docs/adapters.md).
 */
// biome-ignore lint/suspicious/noExplicitAny: factories are heterogeneous; options are validated by each factory's schema
export const adapters = new Registry<AdapterFactory<any>>('adapter');

adapters.register(httpAdapter.id, httpAdapter);
adapters.register(sseAdapter.id, sseAdapter, ['eventsource']);
adapters.register(websocketAdapter.id, websocketAdapter, ['ws']);
adapters.register(staticAdapter.id, staticAdapter, ['file']);
