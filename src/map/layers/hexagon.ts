import type { Incident } from '../../data/contracts/index';
import { formatNumber } from '../../lib/format';
import { tokens } from '../../theme/tokens';
import { mapText } from '../map-text';
import { densityLegend } from './heatmap';
import { defineLayer, recordsOf } from './layer-type';
import { hexagonLayer } from './hexagon.schema';

const RAMP = tokens.ramp.slice(1);

export const hexagon = defineLayer(hexagonLayer, {
  order: 20,

  prepare(spec, data, scene) {
    const rows = recordsOf(data, spec.dataset, 'incident');
    if (!rows) return null;
    const list = scene.kit.filteredIncidents(rows, { minSeverity: 4, statuses: spec.statuses });
    return scene.kit.cached(list, `model|${scene.kit.identity(scene.shift)}`, () => ({ list, positions: scene.kit.shiftedPositions(list, scene.shift) }));
  },

  build(spec, { list, positions }, scene, deck) {
    return new deck.aggregation.HexagonLayer<Incident>({
      id: spec.id,
      data: list as Incident[],
      getPosition: (_, { index }) => [positions[index * 2] as number, positions[index * 2 + 1] as number],
      radius: spec.radius,
      extruded: spec.extruded,
      elevationScale: spec.extruded ? spec.elevationScale : 0,
      elevationRange: [0, 1000],
      coverage: spec.coverage,
      colorRange: RAMP.map((c) => scene.kit.hexToRgb(c)),
      opacity: spec.opacity,
      gpuAggregation: false,
      pickable: true,
      updateTriggers: { getPosition: [scene.kit.identity(positions)] },
    });
  },

  // Its own colours (the theme ramp), so its own block.
  legend: (_spec, _model, scene) => ({ ...densityLegend(scene, RAMP), key: 'density-bins' }),

  pick(_spec, _model, hit, scene) {
    const o = hit.object as { count?: number; points?: readonly unknown[]; pointIndices?: readonly number[] } | undefined;
    if (!o) return null;
    const n = o.count ?? o.pointIndices?.length ?? o.points?.length ?? 0;
    return { title: mapText('map.cell', scene.locale), lines: [{ value: mapText('map.cellCount', scene.locale, { n: formatNumber(n, scene.locale, 0) }) }] };
  },
});
