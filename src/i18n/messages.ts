import { formatMessages } from '../lib/format';
import type { analysisMessages } from './catalog/analysis';
import { analystMessages } from './catalog/analyst';
import type { disasterMessages } from './catalog/disaster';
import type { economyMessages } from './catalog/economy';
import type { emergencyMessages } from './catalog/emergency';
import type { fireMessages } from './catalog/fire';
import { hardeningMessages } from './catalog/hardening';
import type { mapMessages } from './catalog/map';
import type { overviewMessages } from './catalog/overview';
import type { sentimentMessages } from './catalog/sentiment';
import { shellMessages } from './catalog/shell';
import type { tableMessages } from './catalog/tables';
import { vocabularyMessages } from './catalog/vocabulary';
import { wallMessages } from './catalog/wall';
import type { LazyMessages } from './lazy-parts';

/** One entry of the catalogue: the same thing in both locales. A missing locale is a type error (`satisfies`). */
export interface Message {
  zh: string;
  en: string;
}

/**
 * The one message catalogue: every visible word of the product, split by
 * domain in `./catalog/*`. A key is defined in exactly one domain file (a
 * key in two files is a type error below), so a thing has one name on every screen.
 *
 * `messages` is the part the entry carries: what the shell, frames, wall
 * overlays, config errors, toolbar and filter notes say, and the closed
 * vocabularies (`catalog/vocabulary.ts`). The words only lazy chunks say
 * (`lazy-parts.ts`: each domain's panel words, table columns, map legends and
 * tooltips, the analysis words) load with those chunks: `loadMessageParts()` runs with every panel component's load
 * (panels/registry.ts), and the detail view's tables register them
 * synchronously — so no component renders before its words are in, and
 * `MessageKey` still names every key of every part.
 */
export const messages = {
  ...shellMessages,
  ...formatMessages,
  ...vocabularyMessages,
  ...analystMessages,
  ...hardeningMessages,
  ...wallMessages,
} as const satisfies Record<string, Message>;

export type { LazyMessages } from './lazy-parts';

export type MessageKey = keyof typeof messages | keyof LazyMessages;

const loaded: Record<string, Message> = {};
let partsLoaded = false;
let loading: Promise<void> | null = null;

/** Adds the lazy parts (from the chunk that holds them); idempotent. */
export function registerMessageParts(parts: LazyMessages): void {
  Object.assign(loaded, parts);
  partsLoaded = true;
}

/** Loads the lazy parts once (a small chunk, fetched in parallel with the component that needs it). */
export function loadMessageParts(): Promise<void> {
  if (partsLoaded) return Promise.resolve();
  if (!loading) {
    loading = import('./lazy-parts').then((m) => registerMessageParts(m.lazyMessages));
    // A failed chunk load (network blip) may be retried by the next panel.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

export function messagePartsLoaded(): boolean {
  return partsLoaded;
}

/** The entry for a key: the entry's part, else a loaded lazy part. */
export function messageOf(key: string): Message | undefined {
  if (Object.hasOwn(messages, key)) return messages[key as keyof typeof messages];
  return Object.hasOwn(loaded, key) ? loaded[key] : undefined;
}

type Catalogues = [
  typeof shellMessages,
  typeof formatMessages,
  typeof economyMessages,
  typeof emergencyMessages,
  typeof sentimentMessages,
  typeof tableMessages,
  typeof mapMessages,
  typeof analystMessages,
  typeof hardeningMessages,
  typeof wallMessages,
  typeof analysisMessages,
  typeof overviewMessages,
  typeof fireMessages,
  typeof disasterMessages,
  typeof vocabularyMessages,
];
type Shared<A, B> = Extract<keyof A, keyof B>;
type Overlaps<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R] ? { [I in keyof R]: Shared<H, R[I]> }[number] | Overlaps<R> : never;
/** `never` unless two catalogue files define the same key; then the assignment below fails and names the key. */
type DuplicateKeys = Overlaps<Catalogues>;
const noDuplicateKeys: [DuplicateKeys] extends [never] ? true : { duplicate: DuplicateKeys } = true;
void noDuplicateKeys;
