// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STUBBED, stubOf } from './bytes-zod-json-schema.mjs';

const ZOD = join(new URL('..', import.meta.url).pathname, 'node_modules/zod/v4');
const read = (p: string) => readFileSync(join(ZOD, p), 'utf8');
const load = async (code: string) => import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

/** The names zod's own modules import from a file (`import { a, b as c } from "…/<file>"`, `import * as x` uses `x.name`). */
function importedNames(importer: string, file: string): string[] {
  const source = read(importer);
  const names = new Set<string>();
  for (const m of source.matchAll(new RegExp(`import \\{([^}]*)\\} from "[./]*(?:core/)?${file}"`, 'g')))
    for (const part of (m[1] ?? '').split(',')) names.add((part.trim().split(/\s+as\s+/)[0] ?? '').trim());
  for (const m of source.matchAll(new RegExp(`import \\* as (\\w+) from "[./]*(?:core/)?${file}"`, 'g')))
    for (const use of source.replace(/^import .*$/gm, '').matchAll(new RegExp(`\\b${m[1]}\\.(\\w+)`, 'g'))) names.add(use[1] ?? '');
  names.delete('');
  return [...names];
}

describe('zod without JSON Schema in the app build', () => {
  it('stubs exactly the two JSON Schema modules', () => {
    expect(STUBBED.test('/x/node_modules/zod/v4/core/json-schema-processors.js')).toBe(true);
    expect(STUBBED.test('/x/node_modules/zod/v4/core/to-json-schema.js')).toBe(true);
    expect(STUBBED.test('/x/node_modules/zod/v4/core/schemas.js')).toBe(false);
  });

  it('exports every name zod imports from them, and a conversion fails loudly', async () => {
    for (const file of ['json-schema-processors.js', 'to-json-schema.js']) {
      const stub = await load(stubOf(read(`core/${file}`)));
      const wanted = importedNames('classic/schemas.js', file);
      expect(wanted.length, file).toBeGreaterThan(0);
      for (const name of wanted) expect(typeof stub[name], `${file}: ${name}`).toBe('function');
    }
    const tjs = await load(stubOf(read('core/to-json-schema.js')));
    // Called at schema creation: returns a method, which throws when called.
    const method = tjs.createToJSONSchemaMethod({});
    expect(() => method()).toThrow(/not in the app build/);
  });
});
