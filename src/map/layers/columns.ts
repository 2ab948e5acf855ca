import { z } from 'zod';
import { formatWithUnit } from '../../lib/format';
import type { ColumnDatum } from '../layer-data';
import { mapText } from '../map-text';
import { datasetKey, hexColor, layerId, opacity } from './fields';
import { defineLayer, recordsOf } from './layer-type';

/** Extruded values at region centres: one column per region in view, the tallest `maxHeight` metres. */
const schema = z
  .object({
    type: z.literal('columns'),
    id: layerId.default('columns'),
    dataset: datasetKey.default('choropleth'),
    /** Indicator to extrude; default: the one the map is coloured by. */
    indicator: z.string().min(1).max(64).optional(),
    /** Column radius in metres. */
    radius: z.number().min(500).max(50_000).default(5000),
    /** Height of the tallest column in metres (values are scaled linearly). */
    maxHeight: z.number().min(1000).max(1_000_000).default(90_000),
    color: hexColor.default('#36e2b4'),
    opacity: opacity.default(0.9),
  })
  .strict();

export const columns = defineLayer({
  type: 'columns',
  schema,
  engine: 'deck',
  order: 30,
  datasets: (spec) => ({ [spec.dataset]: { contract: 'region-metric', scope: 'parent', purpose: 'values extruded at region centres' } }),

  prepare(spec, data, scene) {
    const rows = recordsOf(data, spec.dataset, 'region-metric');
    const indicator = spec.indicator ?? scene.indicator;
    if (!rows || !indicator) return null;
    const list = scene.kit.columnData(rows, indicator, scene.regions);
    return scene.kit.cached(list, `model|${indicator}`, () => ({ indicator, list, max: list.reduce((m, d) => Math.max(m, Math.abs(d.value)), 0) || 1 }));
  },

  build(spec, { list, max }, scene, deck) {
    const [r, g, b] = scene.kit.hexToRgb(spec.color);
    const alpha = Math.round(spec.opacity * 255);
    const { selected } = scene.focus;
    return new deck.layers.ColumnLayer<ColumnDatum>({
      id: spec.id,
      data: list as ColumnDatum[],
      getPosition: (d) => d.position,
      getElevation: (d) => (Math.max(0, d.value) / max) * spec.maxHeight,
      getFillColor: (d) => (selected !== null && d.code !== selected ? [r, g, b, Math.round(alpha * 0.4)] : [r, g, b, alpha]),
      radius: spec.radius,
      diskResolution: 24,
      extruded: true,
      pickable: true,
      material: { ambient: 0.55, diffuse: 0.6, shininess: 24, specularColor: [120, 200, 255] },
      updateTriggers: { getElevation: [max, spec.maxHeight], getFillColor: [selected, spec.color, alpha] },
    });
  },

  legend: (spec, { indicator }, scene) => ({
    kind: 'column',
    key: `column-${spec.id}`,
    label: mapText('map.columns', scene.locale, { indicator: scene.indicatorName(indicator) }),
    color: spec.color,
  }),

  pick(_spec, _model, hit, scene) {
    const c = hit.object as ColumnDatum | undefined;
    return c ? { title: scene.regionName(c.code), lines: [{ value: formatWithUnit(c.value, c.unit ?? '', scene.locale) }] } : null;
  },
});
