import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetClock } from '../lib/clock';

afterEach(() => {
  cleanup();
  resetClock();
});
