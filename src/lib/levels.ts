/**
 * Incident and alert levels (Ⅰ red … Ⅳ blue) told apart without colour: each
 * level has its own shape, drawn next to the level's name on the map, in
 * legends, lists and the detail card. Red stays reserved for level I.
 */
export type Level = 1 | 2 | 3 | 4;

/** Ⅰ ◆ diamond, Ⅱ ▲ triangle, Ⅲ ● circle, Ⅳ ■ square. */
export const LEVEL_SHAPE: Readonly<Record<Level, string>> = { 1: '◆', 2: '▲', 3: '●', 4: '■' };

/** Shape names for the icon atlas and `data-shape` attributes. */
export const LEVEL_SHAPE_NAME: Readonly<Record<Level, 'diamond' | 'triangle' | 'circle' | 'square'>> = {
  1: 'diamond',
  2: 'triangle',
  3: 'circle',
  4: 'square',
};

export function levelShape(level: number): string {
  return LEVEL_SHAPE[(Math.min(4, Math.max(1, Math.round(level))) as Level) ?? 4];
}
