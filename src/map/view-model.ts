import type { RegionIndex } from '../geo/region-index';
import type { Locale } from '../i18n/i18n';
import { formatNumber } from '../lib/format';
import type { FocusIndex, MapFocus } from './base-style';
import type { Shift } from './datum-shift';
import type { RegionFeature, RegionGeo } from './geo';
import type { MapLabel, PulsePoint } from './label-layer';
import { type ChoroplethModel, filteredIncidents } from './layer-data';
import type { ChoroplethSpec, LayerSpec, MapPanelOptions } from './layer-specs';
import { legendDigits } from './legend-scale';
import type { MapLayerData } from './to-deck-layers';

/**
 * The map panel's view model: pure functions from the view store, the region
 * index and the records to what the map shows (focus, labels, pulses, drill
 * targets). No React, no WebGL: unit-tested on their own.
 */

export function indexForFocus(regions: RegionIndex): FocusIndex {
  return {
    root: regions.root.code,
    parentOf: (code) => regions.get(code)?.parent ?? null,
    hasChildren: (code) => regions.children(code).length > 0,
    levelOf: (code) => regions.get(code)?.level ?? null,
  };
}

export function activeIndicator(spec: ChoroplethSpec | null, filter: string | undefined): string | null {
  if (!spec) return null;
  if (filter && spec.indicators.some((i) => i.id === filter)) return filter;
  if (spec.defaultIndicator && spec.indicators.some((i) => i.id === spec.defaultIndicator)) return spec.defaultIndicator;
  return spec.indicators[0]?.id ?? null;
}

/** What a click on a region does: drill into a city, select a county, or nothing. */
export function drillTarget(code: string, focus: MapFocus, drill: MapPanelOptions['drill'], regions: Pick<RegionIndex, 'get' | 'children'>): string | null {
  if (drill === 'none') return null;
  const entry = regions.get(code);
  if (!entry) return null;
  if (entry.level === 'city') return code;
  if (entry.level === 'county') return drill === 'county' && entry.parent === focus.parent ? code : null;
  return null;
}

export function regionName(f: RegionFeature, locale: Locale, short: boolean): string {
  if (locale === 'en') return f.properties.nameEn;
  return short ? f.properties.short : f.properties.name;
}

function labelArea(geo: RegionGeo, code: string): number {
  const b = geo.bbox.get(code);
  return b ? (b[2] - b[0]) * (b[3] - b[1]) : 0;
}

/** Labels for the regions in view (+ neighbouring cities, dimmed, when inside a city). */
export function regionLabels(
  geo: RegionGeo,
  focus: MapFocus,
  inView: readonly RegionFeature[],
  locale: Locale,
  model: ChoroplethModel | null,
  digits: number | undefined,
): MapLabel[] {
  const out: MapLabel[] = [];
  const d = model ? legendDigits(model.scale.domain, digits) : 0;
  // Where labels collide, the larger values win (the capital, the big economies), then larger areas.
  const ranked = model ? [...model.values.entries()].filter(([, v]) => v.value !== null).sort((a, b) => (b[1].value as number) - (a[1].value as number)) : [];
  const rank = new Map(ranked.map(([code], i) => [code, 1 - i / Math.max(1, ranked.length)]));
  for (const f of inView) {
    const code = f.properties.code;
    const [lon, lat] = f.properties.label;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const value = model?.values.get(code)?.value;
    out.push({
      key: code,
      code,
      text: regionName(f, locale, focus.level === 'city'),
      sub: value !== undefined && value !== null ? formatNumber(value, locale, d) : undefined,
      lon,
      lat,
      priority: (code === focus.selected ? 1e6 : 1e3) + (rank.get(code) ?? 0) * 100 + labelArea(geo, code),
      kind: code === focus.selected ? 'selected' : 'region',
    });
  }
  if (focus.level === 'county') {
    for (const f of geo.cities.features) {
      const code = f.properties.code;
      if (code === focus.parent) continue;
      const [lon, lat] = f.properties.label;
      out.push({ key: `ctx-${code}`, code, text: regionName(f, locale, true), lon, lat, priority: labelArea(geo, code), kind: 'context' });
    }
  }
  return out;
}

export function pulsePoints(specs: readonly LayerSpec[], data: MapLayerData, shift: Shift | null): PulsePoint[] {
  const out: PulsePoint[] = [];
  for (const spec of specs) {
    if (spec.type !== 'points' || !spec.pulse) continue;
    const rows = data[spec.dataset] as Parameters<typeof filteredIncidents>[0] | undefined;
    if (!rows) continue;
    for (const r of filteredIncidents(rows, { minSeverity: 1, statuses: spec.statuses, types: spec.types })) {
      const [lon, lat] = shift ? shift([r.lon, r.lat]) : [r.lon, r.lat];
      out.push({ key: r.id, lon, lat });
    }
  }
  return out;
}
