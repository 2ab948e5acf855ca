/**
 * A minimal EventSource over fetch streaming, for Node tests and tools (Node
 * has no EventSource). It follows the browser's rules that matter to the sse
 * adapter: `Last-Event-ID` on its own reconnects, `retry:` honoured, and a
 * non-200 answer or a wrong MIME type fails the connection for good
 * (readyState CLOSED, one `error` event, no retry).
 */
const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

export class FetchEventSource extends EventTarget {
  static readonly CONNECTING = CONNECTING;
  static readonly OPEN = OPEN;
  static readonly CLOSED = CLOSED;
  readonly url: string;
  readonly withCredentials: boolean;
  readyState = CONNECTING;
  private lastEventId = '';
  private retryMs = 1000;
  private readonly abort = new AbortController();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(url: string, init?: { withCredentials?: boolean }) {
    super();
    this.url = url;
    this.withCredentials = init?.withCredentials ?? false;
    void this.connect();
  }

  close(): void {
    this.readyState = CLOSED;
    if (this.timer !== null) clearTimeout(this.timer);
    this.abort.abort();
  }

  private async connect(): Promise<void> {
    if (this.readyState === CLOSED) return;
    const headers: Record<string, string> = { Accept: 'text/event-stream', 'Cache-Control': 'no-cache' };
    if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
    let response: Response;
    try {
      response = await fetch(this.url, { headers, signal: this.abort.signal });
    } catch {
      this.reconnectLater();
      return;
    }
    if (this.readyState === CLOSED) {
      await response.body?.cancel().catch(() => undefined);
      return;
    }
    const type = response.headers.get('content-type') ?? '';
    if (response.status !== 200 || !/^text\/event-stream/i.test(type) || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      this.readyState = CLOSED;
      this.dispatchEvent(new Event('error'));
      return;
    }
    this.readyState = OPEN;
    this.dispatchEvent(new Event('open'));
    try {
      await this.read(response.body);
    } catch {
      // network error mid-stream: reconnect below
    }
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CONNECTING;
    this.dispatchEvent(new Event('error'));
    if (this.readyState === CLOSED) return;
    this.timer = setTimeout(() => void this.connect(), this.retryMs);
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let data = '';
    let event = '';
    let hasData = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done || this.readyState === CLOSED) break;
      buffer += decoder.decode(value, { stream: true });
      let start = 0;
      for (;;) {
        const nl = buffer.slice(start).search(/\r\n|\r|\n/);
        if (nl < 0) break;
        const end = start + nl;
        const line = buffer.slice(start, end);
        start = end + (buffer.startsWith('\r\n', end) ? 2 : 1);
        if (line === '') {
          if (hasData) {
            this.dispatchEvent(
              new MessageEvent(event || 'message', {
                data: data.endsWith('\n') ? data.slice(0, -1) : data,
                lastEventId: this.lastEventId,
                origin: new URL(this.url).origin,
              }),
            );
          }
          data = '';
          event = '';
          hasData = false;
          if (this.readyState === CLOSED) return;
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let val = colon < 0 ? '' : line.slice(colon + 1);
        if (val.startsWith(' ')) val = val.slice(1);
        if (field === 'data') {
          data += `${val}\n`;
          hasData = true;
        } else if (field === 'event') event = val;
        else if (field === 'id' && !val.includes('\0')) this.lastEventId = val;
        else if (field === 'retry' && /^\d+$/.test(val)) this.retryMs = Number(val);
      }
      buffer = buffer.slice(start);
    }
  }
}
