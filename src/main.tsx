import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app/app';
import { boot, installClockFromUrl } from './app/bootstrap';
import { ErrorScreen } from './app/error-screen';
import './theme/global.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';

async function start() {
  installClockFromUrl(location.search);
  let mocked = false;
  // Mock feeds ship only in dev and the demo build; a production build drops this branch.
  if (import.meta.env.VITE_MOCKS === 'true' && new URLSearchParams(location.search).get('mocks') !== 'off') {
    const { startMockWorker } = await import('../mocks/browser');
    await startMockWorker();
    mocked = true;
  }
  try {
    const booted = await boot();
    root.render(
      <StrictMode>
        <App runtime={{ ...booted, mocked }} queryClient={createQueryClient()} />
      </StrictMode>,
    );
  } catch (error) {
    console.warn('[cockpit] start failed:', error);
    root.render(<ErrorScreen error={error} locale={lang} />);
  }
}

void start();
