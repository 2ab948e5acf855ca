import { Registry } from '../../lib/registry';
import { arcs } from './arcs';
import { choropleth } from './choropleth';
import { columns } from './columns';
import { declaredLayerTypes } from './declarations';
import { heatmap } from './heatmap';
import { hexagon } from './hexagon';
import type { AnyLayerType } from './layer-type';
import { points } from './points';
import { stations } from './stations';

export { engineOf, type LayerSpec, type LayerTypeName, layerSlots, layerSpec, needsDeck } from './declarations';

/**
 * How the map layer types draw (the map's lazy chunk, and the panel tables'):
 * each `<name>.ts`, which spreads its `<name>.schema.ts` declaration. What
 * config may say of them is ./declarations.ts, in the entry.
 */
const LAYER_TYPES = [choropleth, points, heatmap, hexagon, arcs, columns, stations] as const;

export const layerTypes = new Registry<AnyLayerType>('map layer type');
for (const t of LAYER_TYPES) layerTypes.register(t.type, t);

// A type declared for config but not drawn (or drawn but not declared) is a build mistake: said at once.
const missing = declaredLayerTypes().filter((t) => !layerTypes.has(t));
const undeclared = layerTypes.ids().filter((t) => !declaredLayerTypes().includes(t));
if (missing.length || undeclared.length)
  throw new Error(`map layer types out of step: declared without a drawing: [${missing.join(', ')}]; drawn without a declaration: [${undeclared.join(', ')}]`);

/** The registered type of a (parsed) layer spec. */
export function layerTypeOf(spec: { type: string }): AnyLayerType {
  return layerTypes.get(spec.type);
}
