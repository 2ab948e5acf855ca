/**
 * A Vite plugin for the app build (issue #12, bytes): zod 4 attaches
 * `toJSONSchema()` to every schema, so its JSON Schema conversion (two
 * modules, ≈ 5.5 KB gzip) lands in the entry although the app never converts
 * a schema (scripts/export-schemas.ts does, in Node, outside the bundle). The
 * build resolves those two modules to stubs with the same export names: a
 * stub called at schema creation returns a function that throws when called,
 * so parsing and error messages are untouched and a conversion in the app
 * fails loudly. The export names are read from the installed zod's files, so
 * a zod update cannot leave a name out (rolldown would fail the build).
 * Build only (`apply: 'build'`): Vitest and the export script keep real zod.
 */
import { readFileSync } from 'node:fs';

export const STUBBED = /[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/;

/** The stub module of one of zod's JSON Schema files, from that file's source. */
export function stubOf(source) {
  const names = new Set();
  for (const m of source.matchAll(/^export (?:async )?(?:const|let|var|function\*?|class) ([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  const aliases = [];
  for (const m of source.matchAll(/^export \{([^}]*)\}/gm)) {
    for (const part of m[1].split(',')) {
      const [local, exported] = part.trim().split(/\s+as\s+/);
      if (local) aliases.push([local, exported ?? local]);
    }
  }
  const lines = [
    "const fail = () => { throw new Error('JSON Schema conversion is not in the app build (scripts/bytes-zod-json-schema.mjs)'); };",
    'const unavailable = () => fail;',
    ...[...names].map((n) => `export const ${n} = unavailable;`),
    ...aliases.filter(([l, e]) => l !== e || !names.has(e)).map(([, e]) => `export const ${e} = unavailable;`),
  ];
  return `${lines.join('\n')}\n`;
}

export function zodWithoutJsonSchema() {
  return {
    name: 'cockpit:zod-without-json-schema',
    apply: 'build',
    load(id) {
      const file = id.replace(/\?.*$/, '');
      return STUBBED.test(file) ? stubOf(readFileSync(file, 'utf8')) : null;
    },
  };
}
