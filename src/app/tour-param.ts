import { type CockpitConfig, type ConfigContext, ConfigError, parseConfig } from '../config/schema';
import { readBriefing } from '../state/briefing';

const FILE = /^[A-Za-z0-9_.-]{1,80}\.json$/;

/**
 * `?tour=<file>` plays a briefing file from beside index.html (same origin
 * only); `?tour=local` the briefing collected in this browser. The tour is
 * validated exactly like the config's own (steps must name existing screens
 * and panels); a bad file shows the error screen naming the field.
 */
export async function withTourParam(config: CockpitConfig, search: string, context: ConfigContext): Promise<CockpitConfig> {
  const name = new URLSearchParams(search).get('tour');
  if (!name) return config;
  let tour: unknown;
  if (name === 'local') {
    tour = readBriefing();
    if (!tour) throw new ConfigError([{ path: 'tour=local', message: 'no briefing has been collected in this browser' }]);
  } else {
    if (!FILE.test(name)) throw new ConfigError([{ path: `tour=${name.slice(0, 80)}`, message: 'expected a file name like briefing.json beside index.html' }]);
    const response = await fetch(new URL(name, document.baseURI), { cache: 'no-cache' }).catch((error: Error) => {
      throw new ConfigError([{ path: name, message: `could not be fetched: ${error.message}` }]);
    });
    if (!response.ok) throw new ConfigError([{ path: name, message: `HTTP ${response.status}` }]);
    try {
      tour = await response.json();
    } catch (error) {
      throw new ConfigError([{ path: name, message: `is not valid JSON: ${(error as Error).message}` }]);
    }
  }
  return parseConfig({ ...config, tour }, context);
}
