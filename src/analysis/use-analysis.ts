/**
 * useAnalysis(kind, args | null): the result of one analysis through TanStack Query, computed in
 * the analysis worker. The query key is a stable hash of the arguments, results never go stale
 * (the same inputs give the same answer), and `null` args disable the query.
 */
import { useQuery } from '@tanstack/react-query';
import { type AnalysisArgs, type AnalysisKind, type AnalysisResult, analyze } from './client.ts';
import { stableHash } from './hash.ts';

export interface AnalysisState<K extends AnalysisKind> {
  data: AnalysisResult<K> | undefined;
  error: Error | null;
  isPending: boolean;
}

export function useAnalysis<K extends AnalysisKind>(kind: K, args: AnalysisArgs<K> | null): AnalysisState<K> {
  const hash = args ? stableHash(args) : 'off';
  const query = useQuery({
    queryKey: ['analysis', kind, hash],
    queryFn: () => analyze(kind, ...(args as AnalysisArgs<K>)),
    enabled: args !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 10 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
  return { data: query.data, error: query.error, isPending: args !== null && query.isPending };
}
