import type { StatOptions, statSlots } from './catalog/stat';
import { KpiCard } from './kpi-row';
import { PanelFrame } from './panel-frame';
import type { PanelProps } from './types';

/** One KPI, large. The host hands over the `main` slot's records; the panel only draws. */
export default function StatPanel({ config, options, title, data: { main } }: PanelProps<StatOptions, typeof statSlots>) {
  const record = main.records?.find((r) => r.id === options.indicator);
  return (
    <PanelFrame panelId={config.id} type={config.type} title={title} data={main} empty={main.records !== undefined && !record} skeleton="cards">
      {record ? (
        <ul className="kpi-grid kpi-grid--stat">
          <KpiCard record={record} />
        </ul>
      ) : null}
    </PanelFrame>
  );
}
