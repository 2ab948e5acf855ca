import { z } from 'zod';
import { readCapped } from './json-body';
import { FeedError } from './types';

export interface CappedFetchOptions {
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
}

/**
 * GET with a timeout and a byte cap, failures classified as FeedError
 * (network, timeout, http, too-large). Returns the body text and the response.
 */
export async function fetchCapped(url: string, options: CappedFetchOptions, signal: AbortSignal): Promise<{ text: string; response: Response }> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const combined = AbortSignal.any([signal, timeout]);
  const timedOut = () => new FeedError(`no answer within ${options.timeoutMs} ms`, 'timeout');
  let response: Response;
  try {
    response = await fetch(url, { headers: options.headers ?? {}, signal: combined });
  } catch (error) {
    if (timeout.aborted) throw timedOut();
    if (signal.aborted) throw error;
    throw new FeedError(`network error: ${(error as Error).message}`, 'network');
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new FeedError(`HTTP ${response.status}`, 'http', response.status);
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FeedError(`response is ${declared} bytes, over the ${options.maxBytes}-byte cap`, 'too-large');
  }
  try {
    return { text: await readCapped(response, options.maxBytes, combined), response };
  } catch (error) {
    if (error instanceof FeedError && error.kind === 'too-large') throw error;
    if (timeout.aborted) throw timedOut();
    if (signal.aborted) throw error;
    // The connection dropped mid-body.
    throw new FeedError(`the response was cut off: ${(error as Error).message}`, 'network');
  }
}

/** Options every fetching adapter shares (http, static): a request timeout and a byte cap on the answer. */
export const fetchLimits = {
  timeoutMs: z.number().int().min(100).default(10_000),
  /** Responses larger than this are refused (the previous data stays). */
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
};
