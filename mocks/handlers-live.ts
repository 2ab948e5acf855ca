import { HttpResponse, http } from 'msw';
import { type RegionLike, RegionTable } from './generators/regions.ts';
import { jsonRoutes } from './server/routes.ts';
import { type BucketStream, cursorAt, type EventFilter, eventsAfter, recentEvents, regionEventFilter, type StreamEvent, streamFor } from './server/streams.ts';

/**
 * MSW handlers for the feeds: every JSON endpoint of `mocks/server/routes.ts`
 * (`jsonRoutes`, the table the feed server answers from) and SSE streams at `*\/stream/<name>`
 * (incidents, appeals, bench), the same data the feed server serves;
 * `?region=` keeps only the events inside that region, as the feed server does.
 *
 * The streams are plain `http.get` handlers answering with a streamed
 * text/event-stream body rather than msw's `sse()` helper: when the page
 * closes an EventSource, `sse()` keeps trying to write into the cancelled
 * stream and logs console errors (its close() fails on a cancelled
 * controller), which the e2e console guard rightly treats as failures. With
 * our own ReadableStream the `cancel` callback stops the timer.
 */
export interface MockContext {
  regions: readonly RegionLike[];
  /** Seed for every generator: the same seed gives the same demo. */
  seed: string;
  now: () => number;
}

export function createLiveHandlers(ctx: MockContext) {
  const live = { regions: new RegionTable(ctx.regions), seed: ctx.seed, now: ctx.now };
  const streams = new Map<string, BucketStream>();
  const streamOf = (name: string, rate?: number) => {
    const key = `${name}|${rate ?? ''}`;
    let s = streams.get(key);
    if (!s) {
      const created = streamFor(name, live.regions, live.seed, rate);
      if (!created) return null;
      streams.set(key, created);
      s = created;
    }
    return s;
  };
  return [
    ...jsonRoutes.map((route) =>
      http.get(`*${route.path}`, ({ request }) => {
        const answer = route.answer(new URL(request.url), live);
        return HttpResponse.json(answer.body as Record<string, unknown>, { status: answer.status });
      }),
    ),
    http.get('*/stream/:name', ({ request, params }) => {
      const url = new URL(request.url);
      const rate = Number(url.searchParams.get('rate') ?? 100);
      const stream = streamOf(String(params.name), Number.isFinite(rate) ? rate : 100);
      if (!stream) return HttpResponse.json({ error: 'unknown stream' }, { status: 404 });
      const area = regionEventFilter(live.regions, ROOT_REGION, url.searchParams.get('region'));
      if (!area) return HttpResponse.json({ error: 'unknown region' }, { status: 404 });
      const resume = request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId');
      const backfill = Number(url.searchParams.get('backfill') ?? 50);
      return new HttpResponse(sseBody(stream, ctx.now, resume, Number.isFinite(backfill) ? backfill : 50, area.accept), {
        headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' },
      });
    }),
  ];
}

const encoder = new TextEncoder();

/** The province: `region=410000` (or none) streams every event. */
const ROOT_REGION = '410000';

export function sseFrame(e: StreamEvent): string {
  return `id: ${e.seq}\ndata: ${JSON.stringify(e.data)}\n\n`;
}

/** A text/event-stream body: replay after the resume cursor (or the last `backfill` events), then live, with heartbeats. */
function sseBody(
  stream: BucketStream,
  now: () => number,
  resume: string | null,
  backfill: number,
  accept: EventFilter | undefined,
  tickMs = 250,
  heartbeatMs = 10_000,
): ReadableStream<Uint8Array> {
  let timer: ReturnType<typeof setInterval> | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const t = now();
      const resumeSeq = resume !== null && /^\d+$/.test(resume) ? Number(resume) : null;
      const first =
        resumeSeq !== null ? eventsAfter(stream, resumeSeq, t, 5000, 48, accept) : recentEvents(stream, t, Math.max(0, Math.min(1000, backfill)), 48, accept);
      let cursor = resumeSeq ?? cursorAt(stream, t);
      let lastBeat = Date.now();
      const send = (events: StreamEvent[]) => {
        if (!events.length) return;
        cursor = Math.max(cursor, (events[events.length - 1] as StreamEvent).seq);
        controller.enqueue(encoder.encode(events.map(sseFrame).join('')));
      };
      controller.enqueue(encoder.encode('retry: 2000\n\n'));
      send(first);
      timer = setInterval(() => {
        try {
          send(eventsAfter(stream, cursor, now(), 5000, 48, accept));
          if (Date.now() - lastBeat >= heartbeatMs) {
            lastBeat = Date.now();
            controller.enqueue(encoder.encode(`event: heartbeat\ndata: ${now()}\n\n`));
          }
        } catch {
          if (timer !== null) clearInterval(timer);
        }
      }, tickMs);
    },
    cancel() {
      if (timer !== null) clearInterval(timer);
    },
  });
}
