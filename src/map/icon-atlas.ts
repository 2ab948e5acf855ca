/** An icon atlas for deck.gl's IconLayer. */
export interface IconAtlas {
  /** Image URL of the atlas (a data: URL built at runtime: no network). */
  url: string;
  mapping: Record<string, { x: number; y: number; width: number; height: number; mask: boolean; anchorY?: number }>;
}

/**
 * Icons for incident categories, drawn at runtime into a canvas (a white
 * mask tinted by severity): one ideograph per category in a ring, rendered
 * with the local CJK font — no sprite files, no network.
 */
export const INCIDENT_GLYPH: Record<string, string> = {
  fire: '火',
  flood: '水',
  traffic: '车',
  hazchem: '危',
  mine: '矿',
  geological: '地',
  health: '医',
  other: '事',
};

const CELL = 64;

const atlases = new Map<string, IconAtlas | null>();

/** The atlas for a font, drawn once per page. */
export function iconAtlasFor(fontFamily: string): IconAtlas | null {
  if (!atlases.has(fontFamily)) atlases.set(fontFamily, createIconAtlas(fontFamily));
  return atlases.get(fontFamily) ?? null;
}

export function createIconAtlas(fontFamily: string): IconAtlas | null {
  if (typeof document === 'undefined') return null;
  const entries = Object.entries(INCIDENT_GLYPH);
  const canvas = document.createElement('canvas');
  canvas.width = CELL * entries.length;
  canvas.height = CELL;
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = canvas.getContext('2d');
  } catch {
    ctx = null;
  }
  if (!ctx) return null;
  const mapping: IconAtlas['mapping'] = {};
  entries.forEach(([type, glyph], i) => {
    const cx = i * CELL + CELL / 2;
    const cy = CELL / 2;
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.arc(cx, cy, CELL / 2 - 2, 0, Math.PI * 2);
    ctx.fill();
    // Knock the glyph out of the disc so it reads on any background once tinted.
    ctx.globalCompositeOperation = 'destination-out';
    ctx.font = `700 ${Math.round(CELL * 0.56)}px ${fontFamily}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(glyph, cx, cy + 2);
    ctx.globalCompositeOperation = 'source-over';
    mapping[type] = { x: i * CELL, y: 0, width: CELL, height: CELL, mask: true };
  });
  return { url: canvas.toDataURL('image/png'), mapping };
}
