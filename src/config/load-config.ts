import { ConfigError, type ConfigContext, type CockpitConfig, parseConfig } from './schema';

/**
 * Loads `config.json` from beside index.html, so one build serves many sites.
 * `?config=other.json` picks another file in the same directory (same origin only).
 */
export async function loadConfig(context: ConfigContext, search = location.search): Promise<CockpitConfig> {
  const requested = new URLSearchParams(search).get('config');
  const name = requested && /^[a-zA-Z0-9_.-]+\.json$/.test(requested) ? requested : 'config.json';
  const url = new URL(name, document.baseURI);
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-cache' });
  } catch (error) {
    throw new ConfigError([{ path: name, message: `could not be fetched: ${(error as Error).message}` }]);
  }
  if (!response.ok) throw new ConfigError([{ path: name, message: `HTTP ${response.status}` }]);
  let raw: unknown;
  try {
    raw = await response.json();
  } catch (error) {
    throw new ConfigError([{ path: name, message: `is not valid JSON: ${(error as Error).message}` }]);
  }
  return parseConfig(raw, context);
}
