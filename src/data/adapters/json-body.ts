import { FeedError } from './types';

/**
 * Reads a response body as text with a byte cap (a 20 MB answer must not
 * freeze the wall): stops and cancels as soon as the cap is passed, whatever
 * Content-Length claimed (or when there is none).
 */
export async function readCapped(response: Response, maxBytes: number, signal?: AbortSignal): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let out = '';
  for (;;) {
    if (signal?.aborted) {
      await reader.cancel().catch(() => undefined);
      throw signal.reason instanceof Error ? signal.reason : new FeedError('aborted', 'timeout');
    }
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FeedError(`response exceeded the ${maxBytes}-byte cap`, 'too-large');
    }
    out += decoder.decode(value, { stream: true });
  }
  return out + decoder.decode();
}

export function parseJsonTolerant(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    // Only retry when the text plausibly holds bare NaN/Infinity tokens.
    if (/\b(NaN|-?Infinity)\b/.test(text)) {
      const fixed = text.replace(/([:,[]\s*)(NaN|-?Infinity)(?=\s*[,}\]])/g, '$1null');
      try {
        return JSON.parse(fixed);
      } catch {
        // fall through to the original error
      }
    }
    throw new FeedError(`malformed JSON: ${(first as Error).message.slice(0, 120)}`, 'parse');
  }
}
