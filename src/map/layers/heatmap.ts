import type { Incident } from '../../data/contracts/index';
import { mapText } from '../map-text';
import { type LegendBlock, defineLayer, type LayerScene, recordsOf } from './layer-type';
import { heatmapLayer } from './heatmap.schema';

/** Deep blue → cyan → pale gold: red stays reserved for level-I incidents. */
export const DENSITY_COLORS = ['#0c346e', '#1670b8', '#3ab8ea', '#7fd6f5', '#f6d678', '#fff4c8'] as const;
const WEIGHT: Record<1 | 2 | 3 | 4, number> = { 1: 4, 2: 3, 3: 2, 4: 1 };

/** The density legend (shared with hexagon bins: one block for both). */
export function densityLegend(scene: LayerScene, colors: readonly string[] = DENSITY_COLORS): LegendBlock {
  return {
    kind: 'gradient',
    key: 'density',
    title: mapText('map.density', scene.locale),
    colors,
    low: mapText('map.low', scene.locale),
    high: mapText('map.high', scene.locale),
  };
}

export const heatmap = defineLayer(heatmapLayer, {
  order: 10,

  prepare(spec, data, scene) {
    const rows = recordsOf(data, spec.dataset, 'incident');
    if (!rows) return null;
    const list = scene.kit.filteredIncidents(rows, { minSeverity: 4, statuses: spec.statuses });
    return scene.kit.cached(list, `model|${scene.kit.identity(scene.shift)}`, () => ({ list, positions: scene.kit.shiftedPositions(list, scene.shift) }));
  },

  build(spec, { list, positions }, scene, deck) {
    return new deck.aggregation.HeatmapLayer<Incident>({
      id: spec.id,
      data: list as Incident[],
      getPosition: (_, { index }) => [positions[index * 2] as number, positions[index * 2 + 1] as number],
      getWeight: spec.weightBy === 'severity' ? (d) => WEIGHT[d.severity] : 1,
      radiusPixels: spec.radiusPixels * scene.u,
      intensity: spec.intensity,
      threshold: spec.threshold,
      colorRange: DENSITY_COLORS.map((c) => scene.kit.hexToRgb(c)),
      opacity: spec.opacity,
      updateTriggers: { getPosition: [scene.kit.identity(positions)], getWeight: [spec.weightBy] },
    });
  },

  legend: (_spec, _model, scene) => densityLegend(scene),
});
