import { Component, type ComponentType, type ErrorInfo, type ReactNode, Suspense, lazy, useMemo } from 'react';
import type { PanelConfig } from '../config/schema';
import { localize, translate, useLocale } from '../i18n/i18n';
import type { Locale } from '../lib/locale';
import { useCompareData } from './compare-data';
import { FilterNote } from './filter-note';
import { PanelDataContext, usePanelData } from './panel-data';
import { PanelFrame } from './panel-frame';
import { panels } from './registry';
import type { PanelProps } from './types';

type AnyPanelProps = PanelProps<unknown, never>;
const lazyComponents = new Map<string, ComponentType<AnyPanelProps>>();
function componentFor(type: string): ComponentType<AnyPanelProps> {
  let c = lazyComponents.get(type);
  if (!c) {
    c = lazy(panels.get(type).load) as unknown as ComponentType<AnyPanelProps>;
    lazyComponents.set(type, c);
  }
  return c;
}

/** A panel's title in a locale: from config, else its type's default. */
export function panelTitle(config: PanelConfig, locale: Locale): string {
  const descriptor = panels.get(config.type);
  return config.title ? localize(config.title, locale) : descriptor.defaultTitle ? localize(descriptor.defaultTitle, locale) : config.id;
}

/** Options were checked at config load; parsed again here for defaults and types (memoised per config). */
export function usePanelOptions(config: PanelConfig): unknown {
  return useMemo(() => panels.get(config.type).optionsSchema.parse(config.options), [config.type, config.options]);
}

/**
 * Resolves a panel instance to its component and its data: every dataset slot
 * the type declares is read here (in parallel with the component's lazy
 * chunk), and the panel gets them as `data`. Each panel fails alone.
 */
export function PanelHost({ config }: { config: PanelConfig }) {
  const locale = useLocale();
  const descriptor = panels.get(config.type);
  const title = panelTitle(config, locale);
  const options = usePanelOptions(config);
  const data = usePanelData(descriptor, config, options);
  const compare = useCompareData(descriptor, config, options);
  const Panel = componentFor(config.type);
  return (
    <div className="panel-slot" style={{ gridArea: config.area }}>
      {/* Every dataset of the panel, so its frame's badge and data-state are the worst of them. */}
      <PanelDataContext.Provider value={data}>
        <PanelErrorBoundary title={title} panelId={config.id} type={config.type} locale={locale}>
          <Suspense fallback={<PanelFrame panelId={config.id} type={config.type} title={title} state="loading" />}>
            <Panel config={config} options={options} title={title} data={data as never} compare={compare} />
          </Suspense>
        </PanelErrorBoundary>
      </PanelDataContext.Provider>
      <FilterNote config={config} options={options} />
    </div>
  );
}

interface BoundaryProps {
  title: string;
  panelId: string;
  type: string;
  locale: Locale;
  children: ReactNode;
}

class PanelErrorBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Reported, not rethrown: one panel's bug must not blank the wall.
    console.warn(`[panel ${this.props.panelId}] crashed: ${error.message}`, info.componentStack?.slice(0, 500));
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const { title, panelId, type, locale } = this.props;
    return (
      <PanelFrame panelId={panelId} type={type} title={title} state="error">
        <div className="panel__crash" role="alert">
          <span>{translate('panel.crashed', locale)}</span>
          <small>{this.state.error.message}</small>
          <button type="button" onClick={() => this.setState({ error: null })}>
            {translate('panel.retry', locale)}
          </button>
        </div>
      </PanelFrame>
    );
  }
}
