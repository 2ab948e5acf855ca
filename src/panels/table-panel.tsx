import { type CSSProperties, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectRow } from '../data/contracts/index';
import { useRuntime } from '../data/runtime';
import { term, useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { compactUnit, formatNumber, unitLabel } from '../lib/format';
import { useView } from '../state/view-store';
import type { TableColumn, TableOptions, tableSlots } from './catalog/economy-options';
import { useDesignUnit } from './chart-env';
import { useAutoScroll } from './auto-scroll';
import { PanelFrame } from './panel-frame';
import { completion, locationCode, rowsInRegion, type SortDir, safeHref, sortRows, visibleRange } from './table-model';
import type { PanelProps } from './types';
import './economy.css';

const NONE: readonly ProjectRow[] = [];

/** Relative widths of the columns. */
const WIDTHS: Record<TableColumn, string> = {
  name: 'minmax(0, 2.6fr)',
  region: 'minmax(0, 1.1fr)',
  industry: 'minmax(0, 1fr)',
  owner: 'minmax(0, 1.6fr)',
  status: 'minmax(0, 0.95fr)',
  progress: 'minmax(0, 1.45fr)',
  plan: 'minmax(0, 0.9fr)',
  done: 'minmax(0, 0.9fr)',
  startYear: 'minmax(0, 0.8fr)',
};

const NUMERIC: ReadonlySet<TableColumn> = new Set(['plan', 'done', 'startYear', 'progress']);

/**
 * Key projects / white-list enterprises: sortable columns, status chips,
 * investment done vs plan. Rows are windowed (only the visible ones are in
 * the DOM). On the wall the list scrolls itself one row at a time, slowly,
 * and pauses while a pointer or focus is inside. Names are text, never HTML.
 */
export default function TablePanel({ config, options, title, data: { main: data } }: PanelProps<TableOptions, typeof tableSlots>) {
  const t = useT();
  const { regions } = useRuntime();
  const { region, mode, locale } = useView((s) => ({ region: s.region, mode: s.mode, locale: s.locale }));
  const u = useDesignUnit();
  const [sort, setSort] = useState<{ key: TableColumn; dir: SortDir }>(options.sort);
  const records = data.records ?? NONE;
  const label = useCallback((code: string) => regions.label(locationCode(code, region, regions), locale, true), [regions, region, locale]);
  const rows = useMemo(
    () => sortRows(rowsInRegion(records, region, regions, options.statuses), sort.key, sort.dir, label, locale),
    [records, region, regions, options.statuses, sort, label, locale],
  );
  const counts = useMemo(() => {
    const c = { on_track: 0, delayed: 0, stopped: 0 };
    for (const r of rows) c[r.status]++;
    return c;
  }, [rows]);
  const unit = rows[0]?.unit ?? '亿元';
  const columns = options.columns;
  const template = columns.map((c) => WIDTHS[c]).join(' ');
  const rowHeight = options.rowHeight * u;

  const onSort = (key: TableColumn) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: NUMERIC.has(key) || key === 'status' ? 'desc' : 'asc' }));

  const header = (c: TableColumn) => {
    const name = t(`table.col.${c}` as MessageKey);
    return NUMERIC.has(c) && c !== 'startYear' ? t('label.paren', { name, detail: compactUnit(unit, locale) }) : name;
  };

  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={data}
      empty={data.records !== undefined && rows.length === 0}
      emptyText={t('table.empty')}
      skeleton="rows"
      actions={
        rows.length ? (
          <span className="panel__tag ptable__summary">
            {t('table.count', { n: rows.length })} ·{' '}
            <span className="ptable__count--on_track">
              {t('project.status.on_track')} {counts.on_track}
            </span>{' '}
            ·{' '}
            <span className="ptable__count--delayed">
              {t('project.status.delayed')} {counts.delayed}
            </span>{' '}
            ·{' '}
            <span className="ptable__count--stopped">
              {t('project.status.stopped')} {counts.stopped}
            </span>
          </span>
        ) : null
      }
    >
      <table className="ptable" aria-label={title} aria-rowcount={rows.length + 1} style={{ '--cols': template } as CSSProperties}>
        <thead className="ptable__head">
          <tr className="ptable__row" aria-rowindex={1}>
            {columns.map((c) => (
              <th
                key={c}
                scope="col"
                className={`ptable__cell ptable__cell--${c}`}
                aria-sort={sort.key === c ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" onClick={() => onSort(c)} title={t('table.sortBy', { col: t(`table.col.${c}` as MessageKey) })}>
                  {header(c)}
                  <span className="ptable__sort" aria-hidden="true">
                    {sort.key === c ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <VirtualRows
          rows={rows}
          rowHeight={rowHeight}
          autoScroll={mode !== 'analyst' && options.autoScroll.enabled ? options.autoScroll.intervalSec : 0}
          render={(r) => (
            <>
              {columns.map((c) => (
                <Cell key={c} column={c} row={r} location={label(r.region)} analyst={mode === 'analyst'} />
              ))}
            </>
          )}
          rowProps={(r, i) => ({ className: `ptable__row ptable__row--${r.status}`, 'aria-rowindex': i + 2, 'data-project': r.id })}
        />
      </table>
    </PanelFrame>
  );
}

function Cell({ column, row, location, analyst }: { column: TableColumn; row: ProjectRow; location: string; analyst: boolean }) {
  const t = useT();
  const locale = useView((s) => s.locale);
  const cls = `ptable__cell ptable__cell--${column}`;
  switch (column) {
    case 'name': {
      const href = analyst ? safeHref(row.link) : null;
      return (
        <td className={cls} title={row.name}>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {row.name}
            </a>
          ) : (
            row.name
          )}
        </td>
      );
    }
    case 'region':
      return (
        <td className={cls} title={location}>
          {location}
        </td>
      );
    case 'industry': {
      const industry = term('industry', row.industry, locale);
      return (
        <td className={cls} title={industry}>
          {industry}
        </td>
      );
    }
    case 'owner':
      return (
        <td className={cls} title={row.owner}>
          {row.owner ?? '—'}
        </td>
      );
    case 'status':
      return (
        <td className={cls}>
          <span className={`chip chip--${row.status}`}>{t(`project.status.${row.status}`)}</span>
        </td>
      );
    case 'progress': {
      const share = completion(row);
      const pct = share === null ? null : Math.max(0, Math.min(1, share));
      return (
        <td
          className={cls}
          title={`${formatNumber(row.investmentDone, locale, 1)} / ${formatNumber(row.investmentPlan, locale, 1)} ${unitLabel(row.unit, locale)}`}
        >
          <div className="ptable__progress-text num">
            <span>
              {formatNumber(row.investmentDone, locale, 1)}
              <small>/{formatNumber(row.investmentPlan, locale, 1)}</small>
            </span>
            <span>{pct === null ? '—' : `${formatNumber(pct * 100, locale, 0)}%`}</span>
          </div>
          <div className="ptable__bar" aria-hidden="true">
            <div style={{ width: `${(pct ?? 0) * 100}%` }} />
          </div>
        </td>
      );
    }
    case 'plan':
      return <td className={`${cls} num`}>{formatNumber(row.investmentPlan, locale, 1)}</td>;
    case 'done':
      return <td className={`${cls} num`}>{formatNumber(row.investmentDone, locale, 1)}</td>;
    case 'startYear':
      return <td className={`${cls} num`}>{row.startYear ?? '—'}</td>;
  }
}

interface VirtualRowsProps<T> {
  rows: readonly T[];
  /** Row height in layout px. */
  rowHeight: number;
  /** Seconds per one-row step of the wall-mode auto-scroll; 0 = off. */
  autoScroll: number;
  render: (row: T, index: number) => ReactNode;
  rowProps: (row: T, index: number) => { className: string; 'aria-rowindex': number; 'data-project': string };
}

/**
 * Windowed rows: only those in view (plus a few) are in the DOM, absolutely
 * placed; a pseudo-element as tall as all rows gives the body its scroll height.
 */
function VirtualRows<T extends { id: string }>({ rows, rowHeight, autoScroll, render, rowProps }: VirtualRowsProps<T>) {
  const ref = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  const pause = useAutoScroll(ref, autoScroll, (el) => (Math.floor(el.scrollTop / rowHeight + 0.01) + 1) * rowHeight);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setViewport(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const { start, end } = visibleRange(scrollTop, viewport || rowHeight * 10, rowHeight, rows.length);
  const slice = rows.slice(start, end);
  return (
    <tbody
      ref={ref}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling body is a keyboard stop (axe scrollable-region-focusable)
      tabIndex={0}
      className="ptable__body"
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      {...pause}
      style={{ '--total': `${rows.length * rowHeight}px` } as CSSProperties}
    >
      {slice.map((row, i) => (
        <tr key={row.id} {...rowProps(row, start + i)} style={{ transform: `translateY(${(start + i) * rowHeight}px)`, height: rowHeight }}>
          {render(row, start + i)}
        </tr>
      ))}
    </tbody>
  );
}
