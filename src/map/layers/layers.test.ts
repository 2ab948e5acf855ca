import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapPanelOptions } from '../layer-specs';
import { mapSlots } from '../layer-specs';
import { declaredLayerTypes, engineOf } from './declarations';
import { layerTypes, needsDeck } from './index';

const MAP_ROOT = join(import.meta.dirname, '..');

describe('map layer registry', () => {
  it('lists every layer type once, each with its engine', () => {
    expect(Object.fromEntries(layerTypes.ids().map((id) => [id, layerTypes.get(id).engine]))).toEqual({
      choropleth: 'maplibre',
      points: 'deck',
      heatmap: 'deck',
      hexagon: 'deck',
      arcs: 'deck',
      columns: 'deck',
      stations: 'deck',
    });
    expect(() => layerTypes.register('points', layerTypes.get('points'))).toThrow(/already registered/);
  });

  it('what config may say (declarations, entry) and how layers draw (map chunk) list the same types with the same engines', () => {
    expect(declaredLayerTypes()).toEqual(layerTypes.ids());
    for (const id of declaredLayerTypes()) expect({ id, engine: engineOf({ type: id }) }).toEqual({ id, engine: layerTypes.get(id).engine });
  });

  it('a choropleth-only map (economy, public sentiment) needs no deck.gl; points or arcs do', () => {
    const economy = mapPanelOptions.parse({
      layers: [{ type: 'choropleth', indicators: [{ id: 'gdp', name: { zh: '地区生产总值', en: 'GDP' } }] }],
    });
    const sentiment = mapPanelOptions.parse({ layers: [{ type: 'choropleth', indicators: [{ id: 'appeals', name: '今日诉求量', unit: '件' }], classes: 5 }] });
    const emergency = mapPanelOptions.parse({
      layers: [
        { type: 'choropleth', indicators: [{ id: 'incidents', name: '近7日事件数' }], opacity: 0.55 },
        { type: 'arcs', resources: 'resources' },
        { type: 'points', radius: 7 },
      ],
    });
    expect(needsDeck(economy.layers)).toBe(false);
    expect(needsDeck(sentiment.layers)).toBe(false);
    expect(needsDeck(mapPanelOptions.parse({}).layers)).toBe(false);
    expect(needsDeck(emergency.layers)).toBe(true);
    expect(needsDeck(mapPanelOptions.parse({ layers: [{ type: 'heatmap' }] }).layers)).toBe(true);
  });

  it('derives the dataset slots from the layers: contracts, parent scope for region metrics', () => {
    const options = mapPanelOptions.parse({
      layers: [
        { type: 'choropleth', indicators: [{ id: 'gdp', name: 'GDP' }] },
        { type: 'arcs', resources: 'resources' },
        { type: 'points' },
        { type: 'columns' },
      ],
    });
    const slots = mapSlots(options);
    expect(Object.keys(slots).sort()).toEqual(['choropleth', 'incidents', 'resources']);
    expect(slots.choropleth).toMatchObject({ contract: 'region-metric', scope: 'parent' });
    expect(slots.incidents).toMatchObject({ contract: 'incident' });
    expect(slots.incidents?.scope).toBeUndefined();
    expect(slots.resources).toMatchObject({ contract: 'resource' });
  });

  it('rejects a dataset key read with two contracts, naming the layer', () => {
    const r = mapPanelOptions.safeParse({
      layers: [
        { type: 'points', dataset: 'x' },
        { type: 'columns', dataset: 'x' },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/map layer "columns": dataset "x" is already read as "incident", this layer needs "region-metric"/);
  });

  it('applies defaults and rejects duplicate ids, unsafe tile URLs, unknown keys and unknown types', () => {
    const parsed = mapPanelOptions.parse({ layers: [{ type: 'points' }] });
    expect(parsed.drill).toBe('county');
    expect(parsed.layers[0]).toMatchObject({ id: 'points', dataset: 'incidents', radius: 5, minSeverity: 4 });
    expect(() => mapPanelOptions.parse({ layers: [{ type: 'points' }, { type: 'points' }] })).toThrow(/unique/);
    expect(() => mapPanelOptions.parse({ baseMap: { type: 'xyz', tiles: ['javascript:alert(1)/{z}/{x}/{y}'] } })).toThrow();
    expect(() => mapPanelOptions.parse({ baseMap: { type: 'xyz', tiles: ['https://tiles.example/{z}/{x}.png'] } })).toThrow(/\{y\}/);
    expect(mapPanelOptions.parse({ baseMap: { type: 'xyz', tiles: ['tiles/{z}/{x}/{y}.png'] } }).baseMap).toMatchObject({ datum: 'wgs84', tileSize: 256 });
    expect(() => mapPanelOptions.parse({ layers: [{ type: 'points', html: '<b>' }] })).toThrow();
    expect(() => mapPanelOptions.parse({ layers: [{ type: 'sankey' }] })).toThrow();
    expect(() => mapPanelOptions.parse({ layers: [{ type: 'points' }], table: 'nope' })).toThrow(/names no layer/);
  });
});

/** Value imports (not `import type`) of a module in a source file. */
function valueImports(source: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*import\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const [, typeOnly, what = '', from = ''] = m;
    const allTypes =
      /^\{[^}]*\}$/.test(what.trim()) &&
      what
        .replace(/[{}]/g, '')
        .split(',')
        .every((p) => /^\s*type\s/.test(p) || p.trim() === '');
    if (!typeOnly && !allTypes && pattern.test(from)) out.push(from);
  }
  for (const m of source.matchAll(/(?<!typeof\s+)\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) if (pattern.test(m[1] ?? '')) out.push(`import(${m[1]})`);
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [join(dir, e.name)] : [],
  );
}

describe('deck.gl stays out of maps that do not need it', () => {
  it('only src/map/deck.ts imports @deck.gl at runtime, and only dynamically', () => {
    const found: Record<string, string[]> = {};
    for (const file of sources(MAP_ROOT)) {
      const rel = relative(MAP_ROOT, file);
      if (rel.startsWith('bench')) continue; // the bench page is a tool, not the app
      const hits = valueImports(readFileSync(file, 'utf8'), /^@deck\.gl\//);
      if (hits.length) found[rel] = hits;
    }
    expect(found).toEqual({ 'deck.ts': ['import(@deck.gl/layers)', 'import(@deck.gl/aggregation-layers)', 'import(@deck.gl/mapbox)'] });
  });

  it('layer files import no map code at config time (types, zod, text and theme only)', () => {
    for (const file of sources(join(MAP_ROOT, 'layers'))) {
      const hits = valueImports(readFileSync(file, 'utf8'), /^(?!zod$|\.\/|\.\.\/map-text$|\.\.\/\.\.\/(i18n|lib|theme)\/)/);
      expect({ file: relative(MAP_ROOT, file), hits }).toEqual({ file: relative(MAP_ROOT, file), hits: [] });
    }
  });

  it('declarations (read at config load, in the entry) import zod and their fields only: no drawing, text or theme', () => {
    const declarationFiles = sources(join(MAP_ROOT, 'layers')).filter((f) => /\.schema\.ts$|\/(declarations|fields)\.ts$/.test(f));
    expect(declarationFiles.length).toBe(declaredLayerTypes().length + 2);
    for (const file of declarationFiles) {
      const hits = valueImports(readFileSync(file, 'utf8'), /^(?!zod$|\.\/fields$|\.\/layer-type$|\.\/[a-z-]+\.schema$|\.\.\/\.\.\/lib\/registry$)/);
      expect({ file: relative(MAP_ROOT, file), hits }).toEqual({ file: relative(MAP_ROOT, file), hits: [] });
    }
  });
});
