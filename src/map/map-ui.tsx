import type { Locale } from '../i18n/i18n';
import { localize } from '../i18n/i18n';
import { formatNumber, formatPercentChange, unitLabel } from '../lib/format';
import { tokens } from '../theme/tokens';
import type { ChoroplethModel } from './layer-data';
import type { IndicatorSpec, LayerSpec } from './layer-specs';
import { NO_DATA_COLOR, classLabel, legendDigits } from './legend-scale';
import { SEVERITY_TEXT, mapText, pick } from './map-text';

/**
 * The map's React chrome: legend, indicator picker, tooltip. Everything is
 * rendered as text nodes — feed values and names never become HTML.
 */

export interface LegendProps {
  locale: Locale;
  specs: readonly LayerSpec[];
  choropleth: { model: ChoroplethModel; indicator: IndicatorSpec } | null;
  severityCounts: [number, number, number, number] | null;
  columnsIndicator: string | null;
}

export function MapLegend({ locale, specs, choropleth, severityCounts, columnsIndicator }: LegendProps) {
  const hasHeat = specs.some((s) => s.type === 'heatmap' || s.type === 'hexagon');
  const arcs = specs.find((s) => s.type === 'arcs');
  return (
    <div className="map-legend" data-testid="map-legend">
      {choropleth ? <ChoroplethLegend locale={locale} {...choropleth} /> : null}
      {severityCounts ? (
        <div className="map-legend__block">
          <div className="map-legend__title">{mapText('incidents', locale)}</div>
          <ul className="map-legend__list">
            {([1, 2, 3, 4] as const).map((s) => (
              <li key={s}>
                <span className={`map-legend__dot map-legend__dot--${s}`} style={{ background: tokens.severity[s] }} />
                <span>{pick(SEVERITY_TEXT[s], locale)}</span>
                <span className="num map-legend__count">{formatNumber(severityCounts[s - 1], locale, 0)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {hasHeat ? (
        <div className="map-legend__block">
          <div className="map-legend__title">{mapText('density', locale)}</div>
          <div className="map-legend__gradient" />
          <div className="map-legend__ends">
            <span>{mapText('low', locale)}</span>
            <span>{mapText('high', locale)}</span>
          </div>
        </div>
      ) : null}
      {arcs && arcs.type === 'arcs' ? (
        <div className="map-legend__block map-legend__inline">
          <span className="map-legend__line" style={{ background: `linear-gradient(90deg, ${arcs.color}, ${tokens.severity[2]})` }} />
          <span>{mapText('dispatch', locale)}</span>
        </div>
      ) : null}
      {columnsIndicator ? (
        <div className="map-legend__block map-legend__inline">
          <span className="map-legend__column" />
          <span>
            {mapText('columns', locale)}：{columnsIndicator}
          </span>
        </div>
      ) : null}
    </div>
  );
}

function ChoroplethLegend({ locale, model, indicator }: { locale: Locale; model: ChoroplethModel; indicator: IndicatorSpec }) {
  const digits = legendDigits(model.scale.domain, indicator.digits);
  const fmt = (v: number) => formatNumber(v, locale, digits);
  const unit = model.unit ? unitLabel(model.unit, locale) : '';
  const missing = model.values.size > model.covered || model.scale.classes.length === 0;
  return (
    <div className="map-legend__block">
      <div className="map-legend__title">
        {localize(indicator.name, locale)}
        {unit ? <span className="map-legend__unit">{locale === 'en' ? ` (${unit})` : `（${unit}）`}</span> : null}
      </div>
      <ul className="map-legend__list">
        {[...model.scale.classes].reverse().map((c) => (
          <li key={`${c.from}-${c.to}`}>
            <span className="map-legend__swatch" style={{ background: c.color }} />
            <span className="num">{classLabel(c, fmt) || fmt(model.scale.domain?.[0] ?? 0)}</span>
          </li>
        ))}
        {missing ? (
          <li>
            <span className="map-legend__swatch" style={{ background: NO_DATA_COLOR }} />
            <span>{mapText('noData', locale)}</span>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

export function IndicatorPicker({
  locale,
  indicators,
  active,
  onPick,
}: {
  locale: Locale;
  indicators: readonly IndicatorSpec[];
  active: string;
  onPick: (id: string) => void;
}) {
  if (indicators.length < 2) return null;
  return (
    <fieldset className="map-indicators">
      <legend className="visually-hidden">{mapText('indicator', locale)}</legend>
      {indicators.map((i) => (
        <button key={i.id} type="button" aria-pressed={i.id === active} data-indicator={i.id} onClick={() => onPick(i.id)}>
          {localize(i.name, locale)}
        </button>
      ))}
    </fieldset>
  );
}

export interface TooltipLine {
  label?: string;
  value: string;
  tone?: 'up' | 'down' | 'sev1' | 'sev2' | 'sev3' | 'sev4';
}

export interface TooltipContent {
  title: string;
  lines: TooltipLine[];
}

/** Positioned in the map container's pixels; flips to stay inside. */
export function MapTooltip({
  x,
  y,
  content,
  width,
  height,
  onClose,
  closeLabel,
}: {
  x: number;
  y: number;
  content: TooltipContent;
  width: number;
  height: number;
  onClose?: () => void;
  closeLabel?: string;
}) {
  const left = x > width * 0.6 ? undefined : x + 16;
  const right = x > width * 0.6 ? width - x + 16 : undefined;
  const top = y > height * 0.6 ? undefined : y + 16;
  const bottom = y > height * 0.6 ? height - y + 16 : undefined;
  const Box = onClose ? 'section' : 'div';
  return (
    <Box
      className={`map-tooltip${onClose ? ' map-tooltip--popup' : ''}`}
      role={onClose ? undefined : 'tooltip'}
      aria-label={onClose ? content.title : undefined}
      style={{ left, right, top, bottom }}
    >
      <div className="map-tooltip__title">
        {content.title}
        {onClose ? (
          <button type="button" className="map-tooltip__close" onClick={onClose} aria-label={closeLabel}>
            ×
          </button>
        ) : null}
      </div>
      {content.lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
        <div key={i} className={`map-tooltip__line${l.tone ? ` map-tooltip__line--${l.tone}` : ''}`}>
          {l.label ? <span className="map-tooltip__label">{l.label}</span> : null}
          <span className="num">{l.value}</span>
        </div>
      ))}
    </Box>
  );
}

export function yoyLine(yoy: number | null | undefined, locale: Locale): TooltipLine | null {
  if (yoy === null || yoy === undefined) return null;
  return { label: mapText('yoy', locale), value: formatPercentChange(yoy, locale, 1), tone: yoy > 0 ? 'up' : yoy < 0 ? 'down' : undefined } as TooltipLine;
}
