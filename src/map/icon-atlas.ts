/** An icon atlas for deck.gl's IconLayer. */
export interface IconAtlas {
  /** Image URL of the atlas (a data: URL built at runtime: no network). */
  url: string;
  /** The atlas itself: deck.gl takes it as is (a data: URL would be fetched, which the CSP's connect-src refuses). */
  image?: HTMLCanvasElement;
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

/** A one-row atlas canvas of `width` × CELL with its 2D context, or null where the browser gives none. */
function atlasCanvas(width: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } | null {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = CELL;
  try {
    const ctx = canvas.getContext('2d');
    return ctx ? { canvas, ctx } : null;
  } catch {
    return null;
  }
}

export function createIconAtlas(fontFamily: string): IconAtlas | null {
  if (typeof document === 'undefined') return null;
  const entries = Object.entries(INCIDENT_GLYPH);
  const drawn = atlasCanvas(CELL * entries.length);
  if (!drawn) return null;
  const { canvas, ctx } = drawn;
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
  return { url: canvas.toDataURL('image/png'), image: canvas, mapping };
}

/**
 * Level shapes (Ⅰ ◆, Ⅱ ▲, Ⅲ ● , Ⅳ ■; lib/levels.ts) as white masks tinted by
 * the level colour, so a level reads from its shape as well as its colour.
 */
let levelAtlas: IconAtlas | null | undefined;

export function levelShapeAtlas(): IconAtlas | null {
  if (levelAtlas !== undefined) return levelAtlas;
  levelAtlas = null;
  if (typeof document === 'undefined') return null;
  const drawn = atlasCanvas(CELL * 4);
  if (!drawn) return null;
  const { canvas, ctx } = drawn;
  const mapping: IconAtlas['mapping'] = {};
  const m = 4;
  const draw: ((x: number) => void)[] = [
    (x) => {
      ctx.moveTo(x + CELL / 2, m);
      ctx.lineTo(x + CELL - m, CELL / 2);
      ctx.lineTo(x + CELL / 2, CELL - m);
      ctx.lineTo(x + m, CELL / 2);
    },
    (x) => {
      ctx.moveTo(x + CELL / 2, m);
      ctx.lineTo(x + CELL - m, CELL - m * 2);
      ctx.lineTo(x + m, CELL - m * 2);
    },
    (x) => {
      ctx.arc(x + CELL / 2, CELL / 2, CELL / 2 - m * 2, 0, Math.PI * 2);
    },
    (x) => {
      ctx.rect(x + m * 3, m * 3, CELL - m * 6, CELL - m * 6);
    },
  ];
  draw.forEach((shape, i) => {
    const x = i * CELL;
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    shape(x);
    ctx.closePath();
    ctx.fill();
    // Anchored at the centre (deck.gl's default is the bottom edge): the shape sits on its point, where a click picks it.
    mapping[`level-${i + 1}`] = { x, y: 0, width: CELL, height: CELL, mask: true, anchorY: CELL / 2 };
  });
  levelAtlas = { url: '', image: canvas, mapping };
  return levelAtlas;
}
