/** Grid tracks in design units (pure; config validation and the screen layout both use it). */
const TRACK = /^(-?\d+(?:\.\d+)?)u$/;

/**
 * Grid tracks in design units: "440u 290u 1fr minmax(200u, 1fr)" becomes
 * "calc(var(--u) * 440) calc(var(--u) * 290) 1fr minmax(calc(var(--u) * 200), 1fr)".
 * Raw pixel tracks are refused at config load (`checkTracks`), so one config
 * serves every wall size.
 */
export function tracksToCss(tracks: string): string {
  return tracks.replace(/(?<![\w.])(-?\d+(?:\.\d+)?)u\b/g, (_, n: string) => `calc(var(--u) * ${n})`);
}

/** Problems with a track list: raw px (which would not scale with the wall), or unknown units. */
export function checkTracks(tracks: string): string | null {
  const tokens = tracks.split(/[\s,()]+/).filter(Boolean);
  for (const t of tokens) {
    if (/^-?\d+(\.\d+)?px$/.test(t)) return `"${t}" is in pixels; use design units ("${t.replace('px', 'u')}") so the layout scales with the wall`;
    if (/^-?\d/.test(t) && !TRACK.test(t) && !/^-?\d+(\.\d+)?(fr|%)$/.test(t) && !/^\d+$/.test(t)) return `"${t}" is not a track size (use u, fr or %)`;
  }
  return null;
}
