import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { lazyMessages } from '../i18n/lazy-parts';
import { registerMessageParts } from '../i18n/messages';
import { resetClock } from '../lib/clock';

// The lazy parts of the catalogue (loaded with the panel chunks in the app) are in for every test.
registerMessageParts(lazyMessages);

afterEach(() => {
  cleanup();
  resetClock();
});
