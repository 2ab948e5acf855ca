import { useRuntime } from '../data/runtime';
import { useLocale } from '../i18n/i18n';
import type { MapPanelOptions } from '../map/layer-specs';
import { mapText } from '../map/map-text';
import { incidentDatasetKey, type MapFeed, MapView, mapPanelState, primaryFeed, resourceDatasetKey, useRegionGeo } from '../map/map-view';
import type { Incident, Resource } from '../data/contracts/index';
import { clock } from '../lib/clock';
import { IncidentDetail } from './incident-detail';
import { useView, viewStore } from '../state/view-store';
import { requestDrill } from '../state/drill';
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
  // The selected incident (?incident=): the map flies to it and its detail card opens over the map.
  const selected = useView((s) => s.incident ?? null);
  const incidentKey = incidentDatasetKey(options);
  const resourceKey = resourceDatasetKey(options);
  const incidents = incidentKey ? (feeds[incidentKey]?.records as readonly Incident[] | undefined) : undefined;
  const resources = resourceKey ? (feeds[resourceKey]?.records as readonly Resource[] | undefined) : undefined;
  const close = () => viewStore().getState().selectIncident(null);
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
          onDrill={requestDrill}
          onIndicator={(id) => viewStore().getState().setFilter('indicator', id)}
          selectedIncident={incidentKey ? selected : null}
          onSelectIncident={incidentKey ? (id) => viewStore().getState().selectIncident(id) : undefined}
          overlay={
            incidentKey && selected ? (
              <IncidentDetail id={selected} incidents={incidents} resources={resources} locale={locale} regions={regions} now={clock.now()} onClose={close} />
            ) : null
          }
        />
      ) : (
        <div className="panel__placeholder">{geo.error ?? mapText('map.loadingGeo', locale)}</div>
      )}
    </PanelFrame>
  );
}
