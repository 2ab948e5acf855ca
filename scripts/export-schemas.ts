/**
 * Exports every dataset contract as JSON Schema (draft 2020-12, the wire/input
 * side) into docs/schemas/, for backend teams and contract tests.
 *
 *   node scripts/export-schemas.ts          write the files
 *   node scripts/export-schemas.ts --check  exit 1 when the committed files are stale
 *
 * Runs under plain Node (type stripping): only erasable TS and `.ts` imports.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { contractInfo } from '../src/data/contracts/examples.ts';
import { type ContractName, contractNames, contracts } from '../src/data/contracts/index.ts';

export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'schemas');
const BASE_ID = 'https://leadership-cockpit.local/schemas/';

/** File name → file text for every schema (plus an index), deterministic. */
export function renderSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  const index: Record<string, { title: string; file: string }> = {};
  for (const name of contractNames) {
    const file = `${name}.schema.json`;
    files.set(file, `${JSON.stringify(contractSchema(name), null, 2)}\n`);
    index[name] = { title: contractInfo[name].title, file };
  }
  files.set(
    'index.json',
    `${JSON.stringify({ description: 'Dataset contracts of the leadership cockpit (see docs/data-contracts.md).', contracts: index }, null, 2)}\n`,
  );
  return files;
}

export function contractSchema(name: ContractName): Record<string, unknown> {
  const info = contractInfo[name];
  const generated = z.toJSONSchema(contracts[name], { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: `${BASE_ID}${name}.schema.json`,
    title: info.title,
    description: `${info.description} Records failing this schema are dropped and counted (quarantined); unknown keys are ignored; "__proto__", "constructor" and "prototype" keys reject the record. A feed sends an array of these (or {"records": [...], "asOf": "..."}).`,
    ...rest,
    examples: [info.example],
  };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = renderSchemas();
  await mkdir(SCHEMA_DIR, { recursive: true });
  const stale: string[] = [];
  for (const [file, text] of files) {
    const path = join(SCHEMA_DIR, file);
    const current = await readFile(path, 'utf8').catch(() => null);
    if (current === text) continue;
    if (check) stale.push(file);
    else await writeFile(path, text);
  }
  const extra = (await readdir(SCHEMA_DIR)).filter((f) => f.endsWith('.json') && !files.has(f));
  if (check) {
    if (stale.length || extra.length) {
      console.error(
        `docs/schemas is out of date (${[...stale, ...extra.map((f) => `${f} (no such contract)`)].join(', ')}): run node scripts/export-schemas.ts`,
      );
      process.exit(1);
    }
    console.log(`docs/schemas is up to date (${files.size} files)`);
    return;
  }
  if (extra.length) console.warn(`docs/schemas has files for no contract: ${extra.join(', ')}`);
  console.log(`wrote ${files.size} files to docs/schemas`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
