import { formatMessages } from '../lib/format';
import { analysisMessages } from './catalog/analysis';
import { analystMessages } from './catalog/analyst';
import { economyMessages } from './catalog/economy';
import { hardeningMessages } from './catalog/hardening';
import { emergencyMessages } from './catalog/emergency';
import { mapMessages } from './catalog/map';
import { sentimentMessages } from './catalog/sentiment';
import { shellMessages } from './catalog/shell';
import { tableMessages } from './catalog/tables';
import { wallMessages } from './catalog/wall';
import { overviewMessages } from './catalog/overview';
import { fireMessages } from './catalog/fire';
import { disasterMessages } from './catalog/disaster';

/** One entry of the catalogue: the same thing in both locales. A missing locale is a type error (`satisfies`). */
export interface Message {
  zh: string;
  en: string;
}

/**
 * The one message catalogue: every visible word of the product, split by
 * domain in `./catalog/*`. A key is defined in exactly one domain file (a
 * key in two files is a type error below), so a thing has one name on every screen.
 */
export const messages = {
  ...shellMessages,
  ...formatMessages,
  ...economyMessages,
  ...emergencyMessages,
  ...sentimentMessages,
  ...tableMessages,
  ...mapMessages,
  ...analystMessages,
  ...hardeningMessages,
  ...wallMessages,
  ...analysisMessages,
  ...overviewMessages,
  ...fireMessages,
  ...disasterMessages,
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof messages;

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
];
type Shared<A, B> = Extract<keyof A, keyof B>;
type Overlaps<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R] ? { [I in keyof R]: Shared<H, R[I]> }[number] | Overlaps<R> : never;
/** `never` unless two catalogue files define the same key; then the assignment below fails and names the key. */
type DuplicateKeys = Overlaps<Catalogues>;
const noDuplicateKeys: [DuplicateKeys] extends [never] ? true : { duplicate: DuplicateKeys } = true;
void noDuplicateKeys;
