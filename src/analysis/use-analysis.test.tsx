import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PaceInput } from './types';
import { useAnalysis } from './use-analysis';

/** A fresh query cache per test (set in beforeEach), provided around the hook. */
let client = new QueryClient();
function Wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
beforeEach(() => {
  client = new QueryClient();
});

describe('useAnalysis', () => {
  it('answers from the analysis (in-process where there is no Worker) and caches by the arguments, not their key order', async () => {
    const input: PaceInput = { kind: 'rate', monthlyValues: [5.0, 5.4], target: 5.5, direction: 'atMost' };
    const { result } = renderHook(() => useAnalysis('pace', [input]), { wrapper: Wrapper });
    expect(result.current.isPending).toBe(true);
    await waitFor(() => expect(result.current.isPending).toBe(false));
    expect(result.current.data).toMatchObject({ ytd: 5.2, onTrack: 'yes' });
    expect(result.current.error).toBeNull();
    // the same arguments with keys in another order hit the same cache entry
    const reordered = { direction: 'atMost', target: 5.5, monthlyValues: [5.0, 5.4], kind: 'rate' } as PaceInput;
    const again = renderHook(() => useAnalysis('pace', [reordered]), { wrapper: Wrapper });
    expect(again.result.current.isPending).toBe(false);
    expect(again.result.current.data).toMatchObject({ ytd: 5.2 });
    expect(client.getQueryCache().getAll()).toHaveLength(1);
  });

  it('does nothing for null arguments', () => {
    const { result } = renderHook(() => useAnalysis('forecast', null), { wrapper: Wrapper });
    expect(result.current).toEqual({ data: undefined, error: null, isPending: false });
    expect(client.getQueryCache().getAll()[0]?.state.fetchStatus).toBe('idle');
  });
});
