import type { RegionIndex } from '../geo/region-index';
import type { Locale } from '../lib/locale';
import type { FocusIndex, MapFocus } from './base-style';
import type { PreparedLayer } from './draw';
import type { RegionFeature, RegionGeo, RegionProps } from './geo';
import type { MapLabel, PulsePoint } from './label-layer';
import type { LayerSpec } from './layers/index';
import { layerTypeOf } from './layers/index';
import type { IndicatorSpec } from './layers/fields';
import type { LabelValues, LayerHit, LayerScene, LegendBlock, TooltipContent } from './layers/layer-type';
import type { MapPanelOptions } from './layer-specs';

/**
 * The map's view model: pure functions from the view (focus, indicator), the
 * region pack and the prepared layers to what the map shows (labels, legend,
 * tooltips, pulses, drill targets). No React, no WebGL: unit-tested on their own.
 */

export function indexForFocus(regions: RegionIndex): FocusIndex {
  return {
    root: regions.root.code,
    parentOf: (code) => regions.get(code)?.parent ?? null,
    hasChildren: (code) => regions.children(code).length > 0,
    levelOf: (code) => regions.get(code)?.level ?? null,
  };
}

/** Indicators the map can be coloured by: those of the first layer that offers any (the choropleth). */
export function mapIndicators(specs: readonly LayerSpec[]): { list: readonly IndicatorSpec[]; initial: string | undefined } | null {
  for (const spec of specs) {
    const offered = layerTypeOf(spec).indicators?.(spec);
    if (offered?.list.length) return offered;
  }
  return null;
}

/** The indicator shown: `?f.indicator=` when offered, else the declared default, else the first. */
export function activeIndicator(offered: ReturnType<typeof mapIndicators>, filter: string | undefined): string | null {
  if (!offered) return null;
  const ok = (id: string | undefined) => id !== undefined && offered.list.some((i) => i.id === id);
  if (ok(filter)) return filter as string;
  if (ok(offered.initial)) return offered.initial as string;
  return offered.list[0]?.id ?? null;
}

/** The dataset key whose freshness the panel shows: the primary layer's (choropleth), else the first layer's. */
export function primaryDataset(specs: readonly LayerSpec[]): string | null {
  const primary = specs.find((s) => layerTypeOf(s).primary) ?? specs[0];
  return primary ? (Object.keys(layerTypeOf(primary).datasets(primary))[0] ?? null) : null;
}

/** What a click on a region does: drill into a city, select a county of the city in view, or nothing. */
export function drillTarget(code: string, focus: MapFocus, drill: MapPanelOptions['drill'], regions: Pick<RegionIndex, 'get' | 'children'>): string | null {
  if (drill === 'none') return null;
  const entry = regions.get(code);
  if (!entry) return null;
  if (entry.level === 'city') return code;
  if (entry.level === 'county') return drill === 'county' && entry.parent === focus.parent ? code : null;
  return null;
}

const NAME: Record<Locale, (p: RegionProps, short: boolean) => string> = {
  'zh-CN': (p, short) => (short ? p.short : p.name),
  en: (p) => p.nameEn,
};

export function regionName(f: RegionFeature, locale: Locale, short: boolean): string {
  return NAME[locale](f.properties, short);
}

function labelArea(geo: RegionGeo, code: string): number {
  const b = geo.bbox.get(code);
  return b ? (b[2] - b[0]) * (b[3] - b[1]) : 0;
}

/** Values under the labels: from the first layer that puts any there. */
export function labelValuesOf(prepared: readonly PreparedLayer[], scene: LayerScene): LabelValues | null {
  for (const { spec, type, model } of prepared) {
    const values = type.labelValues?.(spec, model, scene);
    if (values) return values;
  }
  return null;
}

/** Labels for the regions in view (+ neighbouring cities, dimmed, when inside a city). */
export function regionLabels(geo: RegionGeo, focus: MapFocus, inView: readonly RegionFeature[], locale: Locale, values: LabelValues | null): MapLabel[] {
  const out: MapLabel[] = [];
  for (const f of inView) {
    const code = f.properties.code;
    const [lon, lat] = f.properties.label;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    out.push({
      key: code,
      code,
      text: regionName(f, locale, focus.level === 'city'),
      sub: values?.text.get(code),
      lon,
      lat,
      // Where labels collide: the selection, then the larger values, then larger areas.
      priority: (code === focus.selected ? 1e6 : 1e3) + (values?.rank.get(code) ?? 0) * 100 + labelArea(geo, code),
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

/**
 * Legend blocks of the layers drawn: what the regions are coloured by first, then the
 * others from the top layer down (points, lines, columns, density); a block key shows once.
 */
export function legendBlocks(prepared: readonly PreparedLayer[], scene: LayerScene): LegendBlock[] {
  const out: LegendBlock[] = [];
  const seen = new Set<string>();
  for (const { spec, type, model } of [...prepared].reverse()) {
    const block = type.legend?.(spec, model, scene);
    if (!block || seen.has(block.key)) continue;
    seen.add(block.key);
    out.push(block);
  }
  return [...out.filter((b) => b.kind === 'classes'), ...out.filter((b) => b.kind !== 'classes')];
}

/** The tooltip of a region: its name, and what each layer says about it. */
export function regionTooltip(code: string, prepared: readonly PreparedLayer[], scene: LayerScene): TooltipContent {
  return {
    title: scene.regionName(code),
    lines: prepared.flatMap(({ spec, type, model }) => type.regionLines?.(spec, model, code, scene) ?? []),
  };
}

/** The tooltip of a deck.gl pick, and whether a click opens it as a popup. */
export function pickTooltip(
  layerId: string,
  hit: LayerHit,
  prepared: readonly PreparedLayer[],
  scene: LayerScene,
): { content: TooltipContent; popup: boolean } | null {
  const layer = prepared.find((p) => p.spec.id === layerId);
  const content = layer?.type.pick?.(layer.spec, layer.model, hit, scene);
  return layer && content ? { content, popup: layer.type.popup === true } : null;
}

/** The incident id a click on a deck object selects (points of incidents), if any. */
export function pickIncident(layerId: string, hit: LayerHit, prepared: readonly PreparedLayer[]): string | null {
  const layer = prepared.find((p) => p.spec.id === layerId);
  return layer?.type.pickedIncident?.(layer.spec, layer.model, hit) ?? null;
}

export function pulsePoints(prepared: readonly PreparedLayer[], scene: LayerScene): PulsePoint[] {
  return prepared.flatMap(({ spec, type, model }) => [...(type.pulses?.(spec, model, scene) ?? [])]);
}

/** A small map (≤ 620 × 560 design units: an analyst grid cell, a phone) shows a compact legend and names only. */
export function isCompact(width: number, height: number, u: number): boolean {
  return width > 0 && height > 0 && (width / u <= 620 || height / u <= 560);
}
