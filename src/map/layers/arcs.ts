import { tokens } from '../../theme/tokens';
import type { Arc } from '../layer-data';
import { levelWithColour, mapText } from '../map-text';
import { defineLayer, recordsOf } from './layer-type';
import { arcsLayer } from './arcs.schema';

/** How a `arcs` layer draws (its options, engine and datasets: ./arcs.schema.ts). */
export const arcs = defineLayer(arcsLayer, {
  order: 40,
  popup: true,

  prepare(spec, data, scene): readonly Arc[] | null {
    const incidents = recordsOf(data, spec.dataset, 'incident');
    if (!incidents) return null;
    if (spec.resources) {
      const resources = recordsOf(data, spec.resources, 'resource');
      return resources ? scene.kit.resourceArcs(resources, incidents, scene.shift) : null;
    }
    const fixed = spec.from === 'city' ? null : scene.shift ? scene.shift(spec.from) : ([spec.from[0], spec.from[1]] as [number, number]);
    // City centres come from the region geometry, already in the map's datum.
    return scene.kit.originArcs(
      incidents,
      spec.statuses,
      (i) => fixed ?? scene.cityCentre(i.region),
      fixed ? fixed.join() : `city${scene.kit.identity(scene.cityCentre)}`,
      scene.shift,
    );
  },

  build(spec, list, scene, deck) {
    const source = scene.kit.hexToRgb(spec.color);
    const alpha = Math.round(spec.opacity * 255);
    const level = ([1, 2, 3, 4] as const).map((s) => scene.kit.hexToRgb(tokens.severity[s]));
    return new deck.layers.ArcLayer<Arc>({
      id: spec.id,
      data: list as Arc[],
      getSourcePosition: (d) => d.source,
      getTargetPosition: (d) => d.target,
      getSourceColor: [...source, alpha],
      getTargetColor: (d) => [...(level[d.severity - 1] as [number, number, number]), alpha],
      getWidth: spec.width * scene.u,
      widthUnits: 'pixels',
      getHeight: 0.45,
      greatCircle: false,
      pickable: true,
      updateTriggers: { getTargetColor: [alpha] },
    });
  },

  legend: (spec, _list, scene) => ({
    kind: 'line',
    key: `line-${spec.color}`,
    label: mapText('map.dispatch', scene.locale),
    from: spec.color,
    to: tokens.severity[2],
  }),

  pick(_spec, _list, hit, scene) {
    const arc = hit.object as Arc | undefined;
    if (!arc) return null;
    return {
      title: arc.title,
      lines: [
        ...(arc.from ? [{ label: mapText('map.sent', scene.locale), value: arc.from }] : []),
        { value: levelWithColour(arc.severity, scene.locale), tone: `sev${arc.severity}` as const },
      ],
    };
  },
});
