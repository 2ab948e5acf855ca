import { z } from 'zod';
import type { Resource } from '../../data/contracts/index';
import { translate } from '../../i18n/translate';
import { formatNumber } from '../../lib/format';
import { datasetKey, hexColor, layerId, opacity } from './fields';
import { defineLayer, recordsOf } from './layer-type';

/**
 * Fire stations (rescue teams of category `fire` in a `resource` feed) with
 * their engines: one layer per status, so the legend names each and counts it.
 * Stations in station are hollow rings, stations whose engines are out are
 * filled and larger — told apart by shape and size, not by colour alone. The
 * tooltip names the station, its status and engines in station / total.
 */
const schema = z
  .object({
    type: z.literal('stations'),
    id: layerId.default('stations'),
    dataset: datasetKey.default('stations'),
    /** Which stations this layer draws. */
    status: z.enum(['standby', 'dispatched']).default('standby'),
    /** Team categories drawn (the feed's `category`); default fire. */
    categories: z.array(z.string().min(1).max(20)).min(1).max(10).default(['fire']),
    /** Radius in design pixels. */
    radius: z.number().min(1).max(40).default(5),
    color: hexColor.default('#36e2b4'),
    opacity: opacity.default(0.95),
  })
  .strict();
export type StationsSpec = z.output<typeof schema>;

function accepts(spec: StationsSpec, r: Resource): boolean {
  return (
    r.kind === 'team' && (r.category === undefined || spec.categories.includes(r.category)) && (spec.status === 'dispatched') === (r.status === 'dispatched')
  );
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export const stations = defineLayer({
  type: 'stations',
  schema,
  engine: 'deck',
  order: 45,
  datasets: (spec) => ({ [spec.dataset]: { contract: 'resource', purpose: 'fire stations and their engines' } }),

  prepare(spec, data, scene): readonly Resource[] | null {
    const records = recordsOf(data, spec.dataset, 'resource');
    return records ? scene.kit.cached(records, `stations|${scene.kit.identity(spec)}`, () => records.filter((r) => accepts(spec, r))) : null;
  },

  build(spec, list, scene, deck) {
    const [r, g, b] = rgb(spec.color);
    const alpha = Math.round(spec.opacity * 255);
    const out = spec.status === 'dispatched';
    return new deck.layers.ScatterplotLayer<Resource>({
      id: spec.id,
      data: list as Resource[],
      getPosition: (d) => (scene.shift ? scene.shift([d.lon, d.lat]) : [d.lon, d.lat]),
      getRadius: spec.radius * scene.u * (out ? 1.4 : 1),
      radiusUnits: 'pixels',
      filled: out,
      stroked: true,
      getFillColor: [r, g, b, alpha],
      getLineColor: out ? [255, 255, 255, 220] : [r, g, b, alpha],
      lineWidthUnits: 'pixels',
      getLineWidth: (out ? 1.2 : 2) * scene.u,
      pickable: true,
      updateTriggers: { getRadius: [spec.radius, scene.u], getLineWidth: [scene.u] },
    });
  },

  legend(spec, list, scene) {
    return {
      kind: 'column',
      key: `stations-${spec.status}`,
      label: `${translate(spec.status === 'dispatched' ? 'stations.dispatched' : 'stations.standby', scene.locale)} ${formatNumber(list.length, scene.locale, 0)}`,
      color: spec.color,
    };
  },

  pick(spec, _list, hit, scene) {
    const s = hit.object as Resource | undefined;
    if (!s) return null;
    return {
      title: s.name,
      lines: [
        { value: translate(spec.status === 'dispatched' ? 'stations.dispatched' : 'stations.standby', scene.locale) },
        {
          label: translate('stations.engines', scene.locale),
          value: translate('stations.enginesValue', scene.locale, {
            a: formatNumber(s.available ?? null, scene.locale, 0),
            c: formatNumber(s.capacity ?? null, scene.locale, 0),
          }),
        },
      ],
    };
  },

  /** One row per station of this status inside the region in view. */
  table(spec, data, view) {
    const rows = (recordsOf(data, spec.dataset, 'resource') ?? []).filter((r) => accepts(spec, r) && view.within(r.region, view.region));
    const { locale } = view;
    return {
      columns: [
        { key: 'name', label: translate('col.station', locale), kind: 'text' },
        { key: 'region', label: translate('col.region', locale), kind: 'region' },
        { key: 'status', label: translate('col.status', locale), kind: 'text' },
        { key: 'available', label: translate('col.enginesIn', locale), kind: 'count', unit: '辆' },
        { key: 'capacity', label: translate('col.enginesTotal', locale), kind: 'count', unit: '辆' },
      ],
      rows: rows.map((r) => ({
        name: r.name,
        region: r.region,
        regionName: view.regionLabel(r.region),
        status: translate(spec.status === 'dispatched' ? 'stations.dispatched' : 'stations.standby', locale),
        available: r.available ?? null,
        capacity: r.capacity ?? null,
      })),
    };
  },
});
