import { analysisMessages } from './catalog/analysis';
import { disasterMessages } from './catalog/disaster';
import { economyMessages } from './catalog/economy';
import { emergencyMessages } from './catalog/emergency';
import { fireMessages } from './catalog/fire';
import { mapMessages } from './catalog/map';
import { overviewMessages } from './catalog/overview';
import { sentimentMessages } from './catalog/sentiment';
import { tableMessages } from './catalog/tables';

/**
 * The lazy part of the catalogue (messages.ts): the words only lazy chunks
 * say — each domain's panel words, table columns, map legends and tooltips,
 * the analysis words. One small chunk, loaded with every panel component
 * (panels/registry.ts) and registered by the detail view's tables; the entry
 * keeps the shell's words and the closed vocabularies.
 */
export const lazyMessages = {
  ...economyMessages,
  ...emergencyMessages,
  ...sentimentMessages,
  ...tableMessages,
  ...mapMessages,
  ...analysisMessages,
  ...overviewMessages,
  ...fireMessages,
  ...disasterMessages,
} as const;

export type LazyMessages = typeof lazyMessages;
