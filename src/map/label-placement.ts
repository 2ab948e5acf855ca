/**
 * Region label placement: greedy by priority, a label is shown only where it
 * does not overlap a label already placed and fits in the viewport. Pure;
 * boxes are centred on the projected label point, in container pixels.
 */

export interface LabelBox {
  key: string;
  /** Centre in container pixels. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Higher goes first (e.g. the region's value or area). */
  priority: number;
}

export interface PlaceOptions {
  width: number;
  height: number;
  /** Minimum gap between labels, px. */
  gap?: number;
  /** Keep labels this far inside the edges, px. */
  margin?: number;
}

export function overlaps(a: LabelBox, b: LabelBox, gap = 0): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w + gap * 2 && Math.abs(a.y - b.y) * 2 < a.h + b.h + gap * 2;
}

/** Keys of the labels to show; ties in priority keep input order. */
export function placeLabels(boxes: readonly LabelBox[], options: PlaceOptions): Set<string> {
  const gap = options.gap ?? 4;
  const margin = options.margin ?? 2;
  const order = boxes.map((b, i) => [b, i] as const).sort((a, b) => b[0].priority - a[0].priority || a[1] - b[1]);
  const placed: LabelBox[] = [];
  const shown = new Set<string>();
  for (const [box] of order) {
    if (!Number.isFinite(box.x) || !Number.isFinite(box.y)) continue;
    if (box.x - box.w / 2 < margin || box.y - box.h / 2 < margin || box.x + box.w / 2 > options.width - margin || box.y + box.h / 2 > options.height - margin)
      continue;
    if (placed.some((p) => overlaps(p, box, gap))) continue;
    placed.push(box);
    shown.add(box.key);
  }
  return shown;
}

/** Width of a line of text at a font size: CJK ideographs are square, Latin about half. */
export function estimateTextWidth(text: string, fontPx: number): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    w += code >= 0x2e80 ? fontPx : code === 0x20 ? fontPx * 0.3 : fontPx * 0.58;
  }
  return w;
}
