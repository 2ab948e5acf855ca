import { localize } from '../i18n/i18n';
import type { Locale } from '../lib/locale';
import type { MapFocus } from './base-style';
import type { RegionFeature } from './geo';
import type { IndicatorSpec } from './layers/fields';
import type { LegendBlock, TooltipContent } from './layers/layer-type';
import { mapText } from './map-text';
import { regionName } from './view-model';

/**
 * The map's React chrome: legend, indicator picker, tooltip, drill list.
 * Everything is rendered as text nodes — feed values and names never become HTML.
 */

export function MapLegend({ blocks }: { blocks: readonly LegendBlock[] }) {
  return (
    <div className="map-legend" data-testid="map-legend">
      {blocks.map((b) => (
        <LegendEntry key={b.key} block={b} />
      ))}
    </div>
  );
}

function LegendEntry({ block }: { block: LegendBlock }) {
  switch (block.kind) {
    case 'classes':
      return (
        <div className="map-legend__block" data-legend={block.key}>
          <div className="map-legend__title">
            {block.title}
            {block.unit ? <span className="map-legend__unit">{block.unit}</span> : null}
          </div>
          <ul className="map-legend__list">
            {block.items.map((c) => (
              <li key={`${c.color}-${c.label}`}>
                <span className="map-legend__swatch" style={{ background: c.color }} />
                <span className="num">{c.label}</span>
              </li>
            ))}
          </ul>
        </div>
      );
    case 'levels':
      return (
        <div className="map-legend__block" data-legend={block.key}>
          <div className="map-legend__title">{block.title}</div>
          <ul className="map-legend__list">
            {block.items.map((i) => (
              <li key={i.level}>
                {i.shape ? (
                  <span className={`map-legend__shape map-legend__shape--${i.level}`} style={{ color: i.color }} aria-hidden="true">
                    {i.shape}
                  </span>
                ) : (
                  <span className={`map-legend__dot map-legend__dot--${i.level}`} style={{ background: i.color }} />
                )}
                <span>{i.label}</span>
                <span className="num map-legend__count">{i.count}</span>
              </li>
            ))}
          </ul>
        </div>
      );
    case 'gradient':
      return (
        <div className="map-legend__block" data-legend={block.key}>
          <div className="map-legend__title">{block.title}</div>
          <div className="map-legend__gradient" style={{ background: `linear-gradient(90deg, ${block.colors.join(', ')})` }} />
          <div className="map-legend__ends">
            <span>{block.low}</span>
            <span>{block.high}</span>
          </div>
        </div>
      );
    case 'line':
      return (
        <div className="map-legend__block map-legend__inline" data-legend={block.key}>
          <span className="map-legend__line" style={{ background: `linear-gradient(90deg, ${block.from}, ${block.to})` }} />
          <span>{block.label}</span>
        </div>
      );
    case 'column':
      return (
        <div className="map-legend__block map-legend__inline" data-legend={block.key}>
          <span className="map-legend__column" style={{ background: block.color }} />
          <span>{block.label}</span>
        </div>
      );
  }
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
      <legend className="visually-hidden">{mapText('map.indicator', locale)}</legend>
      {indicators.map((i) => (
        <button key={i.id} type="button" aria-pressed={i.id === active} data-indicator={i.id} onClick={() => onPick(i.id)}>
          {localize(i.name, locale)}
        </button>
      ))}
    </fieldset>
  );
}

/** Positioned in the map container's pixels; flips to stay inside. */
export function MapTooltip({
  x,
  y,
  content,
  width,
  height,
  u,
  onClose,
  closeLabel,
}: {
  x: number;
  y: number;
  content: TooltipContent;
  width: number;
  height: number;
  /** CSS px per design unit: the offset from the pointer is 16 design px. */
  u: number;
  onClose?: () => void;
  closeLabel?: string;
}) {
  const gap = 16 * u;
  const left = x > width * 0.6 ? undefined : x + gap;
  const right = x > width * 0.6 ? width - x + gap : undefined;
  const top = y > height * 0.6 ? undefined : y + gap;
  const bottom = y > height * 0.6 ? height - y + gap : undefined;
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

/** Keyboard and screen-reader access to drilling: a list of the regions in view that appears on focus. */
export function DrillList({
  regions,
  focus,
  locale,
  onPick,
}: {
  regions: readonly RegionFeature[];
  focus: MapFocus;
  locale: Locale;
  onPick: (code: string) => void;
}) {
  return (
    <nav className="map-drill" aria-label={mapText('map.regions', locale)}>
      <ul>
        {regions.map((f) => (
          <li key={f.properties.code}>
            <button type="button" aria-current={f.properties.code === focus.selected ? 'true' : undefined} onClick={() => onPick(f.properties.code)}>
              {regionName(f, locale, false)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
