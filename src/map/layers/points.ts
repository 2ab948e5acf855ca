import type { Incident } from '../../data/contracts/index';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { Locale } from '../../lib/locale';
import { LEVEL_SHAPE } from '../../lib/levels';
import { tokens } from '../../theme/tokens';
import type { PointData } from '../layer-data';
import { levelWithColour, mapText, term, translate } from '../map-text';
import { type LayerData, type TooltipContent, defineLayer, recordsOf } from './layer-type';
import { MAX_PULSES, pointsLayer, type PointsSpec } from './points.schema';

export type { PointsSpec };

type Model =
  | { symbol: 'circle'; data: PointData; records: readonly Incident[]; counts: readonly number[] }
  | { symbol: 'icon' | 'level'; list: readonly Incident[]; positions: Float64Array; records: readonly Incident[]; counts: readonly number[] };

const LEVELS = [1, 2, 3, 4] as const;

function accepts(spec: PointsSpec, r: Incident): boolean {
  return r.severity <= spec.minSeverity && spec.statuses.includes(r.status) && (!spec.types || spec.types.includes(r.type));
}

/** An incident as tooltip text: title, type · status, level, time reported. */
export function incidentTooltip(i: Incident, locale: Locale): TooltipContent {
  return {
    title: i.title,
    lines: [
      { value: `${term('incident.type', i.type, locale)} · ${term('incident.status', i.status, locale)}` },
      { value: levelWithColour(i.severity, locale), tone: `sev${i.severity}` },
      { label: mapText('map.reportedAt', locale), value: formatDateTime(i.reportedAt, locale, false) },
    ],
  };
}

/** Binary attributes pick by point index; `index` maps it back to the record. Icons pick the record itself. */
function pickedRecord(model: Model, hit: { object: unknown; index: number }): Incident | undefined {
  return model.symbol === 'circle' ? model.data.records[model.data.index[hit.index] ?? -1] : (hit.object as Incident | undefined);
}

export const points = defineLayer(pointsLayer, {
  order: 50,
  popup: true,

  prepare(spec, data: LayerData, scene): Model | null {
    const records = recordsOf(data, spec.dataset, 'incident');
    if (!records) return null;
    const atlas = spec.symbol === 'level' ? scene.levelAtlas?.() : spec.symbol === 'icon' ? scene.iconAtlas() : null;
    if (atlas && spec.symbol !== 'circle') {
      const list = scene.kit.filteredIncidents(records, spec);
      const counts = [0, 0, 0, 0];
      for (const r of list) counts[r.severity - 1] = (counts[r.severity - 1] as number) + 1;
      return { symbol: spec.symbol, list, positions: scene.kit.shiftedPositions(list, scene.shift), records, counts };
    }
    // Built off the main thread: until the first build the layer is left out; after that a
    // tick draws the previous build (its records, its picking) until the new one is in.
    const d = scene.kit.livePointData(records, spec, scene.shift, `${scene.instance ?? ''}|${spec.id}`);
    // One model per build: a render that gets the same build back changes nothing downstream.
    return d ? scene.kit.cached(d, 'points-model', (): Model => ({ symbol: 'circle', data: d, records: d.records, counts: d.counts })) : null;
  },

  build(spec, model, scene, deck) {
    const { u } = scene;
    const alpha = Math.round(spec.opacity * 255);
    if (model.symbol !== 'circle') {
      const byLevel = model.symbol === 'level';
      const atlas = byLevel ? scene.levelAtlas?.() : scene.iconAtlas();
      if (!atlas) return null;
      const { positions } = model;
      const rgb = LEVELS.map((s) => scene.kit.hexToRgb(tokens.severity[s]));
      return new deck.layers.IconLayer<Incident>({
        id: spec.id,
        data: model.list as Incident[],
        iconAtlas: (atlas.image ?? atlas.url) as string,
        iconMapping: atlas.mapping,
        getIcon: (d) => (byLevel ? `level-${d.severity}` : atlas.mapping[d.type] ? d.type : 'other'),
        getPosition: (_, { index }) => [positions[index * 2] as number, positions[index * 2 + 1] as number],
        getColor: (d) => [...(rgb[d.severity - 1] as [number, number, number]), alpha],
        getSize: (d) => spec.radius * u * 2.8 * scene.kit.SEVERITY_RADIUS[d.severity],
        sizeUnits: 'pixels',
        pickable: true,
        updateTriggers: { getPosition: [scene.kit.identity(positions)], getColor: [alpha], getSize: [spec.radius, u] },
      });
    }
    return new deck.layers.ScatterplotLayer({
      id: spec.id,
      data: model.data,
      radiusUnits: 'pixels',
      radiusScale: spec.radius * u,
      radiusMinPixels: 1.5 * u,
      stroked: true,
      getLineColor: [230, 245, 255, 150],
      lineWidthUnits: 'pixels',
      lineWidthMinPixels: 0.8 * u,
      pickable: true,
    });
  },

  legend(_spec, model, scene) {
    return {
      kind: 'levels',
      key: 'incident-levels',
      title: mapText('map.incidents', scene.locale),
      items: LEVELS.map((level) => ({
        level,
        ...(model.symbol === 'level' ? { shape: LEVEL_SHAPE[level] } : {}),
        color: tokens.severity[level],
        label: levelWithColour(level, scene.locale),
        count: formatNumber(model.counts[level - 1] ?? 0, scene.locale, 0),
      })),
    };
  },

  pick(_spec, model, hit, scene) {
    const incident = pickedRecord(model, hit);
    return incident ? incidentTooltip(incident, scene.locale) : null;
  },

  pickedIncident(_spec, model, hit) {
    return pickedRecord(model, hit)?.id ?? null;
  },

  /** Red incidents, newest first (the map rings the first MAX_PULSES of them). */
  pulses(spec, model, scene) {
    if (!spec.pulse) return [];
    const red: Incident[] = [];
    if (model.symbol === 'circle') {
      // Level I is the last block of the drawn points: no pass over every record.
      const { index, records, length } = model.data;
      for (let k = length - (model.counts[0] ?? 0); k < length; k++) {
        const r = records[index[k] as number];
        if (r) red.push(r);
      }
    } else for (const r of model.records) if (r.severity === 1 && accepts(spec, r)) red.push(r);
    const newest = red.length > MAX_PULSES ? red.sort((a, b) => b.reportedAt - a.reportedAt).slice(0, MAX_PULSES) : red;
    return newest.map((r) => {
      const [lon, lat] = scene.shift ? scene.shift([r.lon, r.lat]) : [r.lon, r.lat];
      return { key: r.id, lon, lat };
    });
  },

  /** One row per incident drawn inside the region in view, newest first. */
  table(spec, data, view) {
    const rows = (recordsOf(data, spec.dataset, 'incident') ?? [])
      .filter((r) => accepts(spec, r) && view.within(r.region, view.region))
      .sort((a, b) => b.reportedAt - a.reportedAt);
    const { locale } = view;
    return {
      columns: [
        { key: 'time', label: translate('col.time', locale), kind: 'time' },
        { key: 'type', label: translate('col.type', locale), kind: 'text' },
        { key: 'level', label: translate('col.level', locale), kind: 'text' },
        { key: 'region', label: translate('col.region', locale), kind: 'region' },
        { key: 'title', label: translate('col.title', locale), kind: 'text' },
        { key: 'status', label: translate('col.status', locale), kind: 'text' },
      ],
      rows: rows.map((r) => ({
        time: r.reportedAt,
        type: term('incident.type', r.type, locale),
        level: term('incident.level', r.severity, locale),
        region: r.region,
        regionName: view.regionLabel(r.region),
        title: r.title,
        status: term('incident.status', r.status, locale),
      })),
    };
  },
});
