import type { Resource } from '../../data/contracts/index';
import { translate } from '../../i18n/translate';
import { formatNumber } from '../../lib/format';
import { defineLayer, recordsOf } from './layer-type';
import { stationsLayer, type StationsSpec } from './stations.schema';

export type { StationsSpec };

function accepts(spec: StationsSpec, r: Resource): boolean {
  return (
    r.kind === 'team' && (r.category === undefined || spec.categories.includes(r.category)) && (spec.status === 'dispatched') === (r.status === 'dispatched')
  );
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export const stations = defineLayer(stationsLayer, {
  order: 45,

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
