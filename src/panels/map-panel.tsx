import { useRuntime } from '../data/runtime';
import { useLocale } from '../i18n/i18n';
import type { MapPanelOptions } from '../map/layer-specs';
import { mapText } from '../map/map-text';
import { type MapFeed, MapView, mapPanelState, primaryFeed, useRegionGeo } from '../map/map-view';
import { useView, viewStore } from '../state/view-store';
import { PanelFrame, type PanelState } from './panel-frame';
import type { PanelProps } from './types';
import './map-panel.css';

/**
 * The map panel: its frame and the map room's view. The host resolves the
 * datasets the layers read (`data`, one per `datasets` key); the view store
 * says which region and indicator are shown, and takes the user's drill-down
 * and indicator choice. Everything else lives in src/map.
 */
export default function MapPanel({ config, options, title, data }: PanelProps<MapPanelOptions>) {
  const { config: app, regions } = useRuntime();
  const locale = useLocale();
  const region = useView((s) => s.region);
  const indicatorFilter = useView((s) => s.filters.indicator);
  const geo = useRegionGeo(app.regionPack.topology, options);
  const feeds = data as Readonly<Record<string, MapFeed>>;
  const primary = primaryFeed(options, data);
  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={primary?.records !== undefined ? primary : undefined}
      state={mapPanelState(geo, primary) as PanelState}
      className="map-panel"
    >
      {geo.geo ? (
        <MapView
          geo={{ ...geo, geo: geo.geo }}
          options={options}
          feeds={feeds}
          title={title}
          locale={locale}
          region={region}
          indicatorFilter={indicatorFilter}
          regions={regions}
          onDrill={(code) => viewStore().getState().drillTo(code)}
          onIndicator={(id) => viewStore().getState().setFilter('indicator', id)}
        />
      ) : (
        <div className="panel__placeholder">{geo.error ?? mapText('map.loadingGeo', locale)}</div>
      )}
    </PanelFrame>
  );
}
