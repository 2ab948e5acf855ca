import { localize } from '../i18n/i18n';
import type { Locale } from '../lib/locale';
import { tokens } from '../theme/tokens';
import { type MapFocus, regionSource, regionsInView } from './base-style';
import type { Shift } from './datum-shift';
import type { RegionGeo } from './geo';
import { iconAtlasFor, levelShapeAtlas } from './icon-atlas';
import { kit } from './kit';
import type { IndicatorSpec } from './layers/fields';
import type { LayerScene } from './layers/layer-type';
import { regionName } from './view-model';

export interface SceneInput {
  geo: RegionGeo;
  focus: MapFocus;
  locale: Locale;
  u: number;
  indicator: string | null;
  indicators: readonly IndicatorSpec[];
  shift: Shift | null;
  cityCentre: (code: string) => [number, number] | null;
  /** Name of a code the region pack's geometry does not have. */
  fallbackName?: (code: string) => string;
  /** Which map this is (stable while it is mounted). */
  instance?: string;
}

const iconAtlas = () => iconAtlasFor(tokens.fontFamily);

/** What the layers see of the map (pure; memoise it on its inputs). */
export function buildScene(s: SceneInput): LayerScene {
  return {
    locale: s.locale,
    u: s.u,
    focus: s.focus,
    regions: regionsInView(s.geo, s.focus),
    indicator: s.indicator,
    indicatorName: (id) => {
      const known = s.indicators.find((i) => i.id === id);
      return known ? localize(known.name, s.locale) : id;
    },
    regionName: (code) => {
      const f = s.geo.byCode.get(code);
      return f ? regionName(f, s.locale, false) : (s.fallbackName?.(code) ?? code);
    },
    cityCentre: s.cityCentre,
    shift: s.shift,
    iconAtlas,
    levelAtlas: levelShapeAtlas,
    regionSource: regionSource(s.focus),
    kit,
    ...(s.instance ? { instance: s.instance } : {}),
  };
}
