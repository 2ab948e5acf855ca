// @vitest-environment node
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractNames } from '../src/data/contracts/index.ts';
import { renderSchemas, SCHEMA_DIR } from './export-schemas.ts';

describe('docs/schemas', () => {
  it('is up to date with the contracts (run `node scripts/export-schemas.ts`)', async () => {
    const expected = renderSchemas();
    const onDisk = (await readdir(SCHEMA_DIR)).filter((f) => f.endsWith('.json')).sort();
    expect(onDisk).toEqual([...expected.keys()].sort());
    for (const [file, text] of expected) expect(await readFile(join(SCHEMA_DIR, file), 'utf8'), file).toBe(text);
  });

  it('has one schema per contract, each with an example', () => {
    const files = renderSchemas();
    for (const name of contractNames) {
      const schema = JSON.parse(files.get(`${name}.schema.json`) ?? 'null');
      expect(schema.type).toBe('object');
      expect(schema.examples).toHaveLength(1);
      expect(Object.keys(schema.properties).length).toBeGreaterThan(2);
    }
  });
});
