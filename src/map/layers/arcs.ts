import { z } from 'zod';
import { tokens } from '../../theme/tokens';
import type { Arc } from '../layer-data';
import { levelWithColour, mapText } from '../map-text';
import { datasetKey, hexColor, incidentStatus, layerId, opacity } from './fields';
import { type LayerSlot, defineLayer, recordsOf } from './layer-type';

/**
 * Dispatch lines: from each dispatched rescue resource to its incident (with
 * `resources`), or from the incident's city command centre (or a fixed point)
 * to each incident in the given statuses. The line runs from `color` to the
 * incident's level colour.
 */
const schema = z
  .object({
    type: z.literal('arcs'),
    id: layerId.default('arcs'),
    /** Incidents (the arcs' targets). */
    dataset: datasetKey.default('incidents'),
    /** Rescue resources (contract `resource`): each dispatched resource naming an `incidentId` draws an arc to it. */
    resources: datasetKey.optional(),
    /** Without `resources`: where dispatches start — `city` (the city's command centre) or a fixed [lon, lat]. */
    from: z.union([z.literal('city'), z.tuple([z.number().min(73).max(136), z.number().min(3).max(54)])]).default('city'),
    /** Incident statuses that get an arc (without `resources`): teams on their way. */
    statuses: z.array(incidentStatus).min(1).default(['dispatched']),
    /** Line width in design pixels. */
    width: z.number().min(0.5).max(12).default(2.5),
    color: hexColor.default('#3ad0ff'),
    opacity: opacity.default(0.85),
  })
  .strict();

export const arcs = defineLayer({
  type: 'arcs',
  schema,
  engine: 'deck',
  order: 40,
  popup: true,
  datasets: (spec) => {
    const slots: Record<string, LayerSlot> = { [spec.dataset]: { contract: 'incident', purpose: 'incidents the dispatch lines go to' } };
    if (spec.resources) slots[spec.resources] = { contract: 'resource', purpose: 'rescue resources the dispatch lines start from' };
    return slots;
  },

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
