import { formatWithUnit } from '../../lib/format';
import type { ColumnDatum } from '../layer-data';
import { mapText } from '../map-text';
import { defineLayer, recordsOf } from './layer-type';
import { columnsLayer } from './columns.schema';

/** How a `columns` layer draws (its options, engine and datasets: ./columns.schema.ts). */
export const columns = defineLayer(columnsLayer, {
  order: 30,

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
