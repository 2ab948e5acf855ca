import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CockpitConfig, ConfigError, parseConfig } from '../config/schema';
import { adapters } from '../data/adapters/registry';
import { panelConfigContext } from '../panels/registry';
import { addBriefingStep, briefingFile, clearBriefing, readBriefing } from '../state/briefing';
import { withTourParam } from './tour-param';

const context = { ...panelConfigContext(), adapters };
const config: CockpitConfig = parseConfig(JSON.parse(readFileSync(resolve(process.cwd(), 'public/config.json'), 'utf8')), context);

afterEach(() => clearBriefing());

describe('briefings collected in analyst mode', () => {
  it('plays from this browser with ?tour=local, validated like the config tour', async () => {
    addBriefingStep(
      { screen: 'economy', region: '410300', panel: 'gdp-ranking', filters: {}, caption: '洛阳：GDP 排名', durationSec: 15 },
      '2026-11-20T10:00:00+08:00',
    );
    addBriefingStep({ screen: 'emergency', region: '410000', filters: { type: 'fire' }, caption: '全省火灾', durationSec: 12 }, 'ignored');
    const played = await withTourParam(config, '?mode=demo&tour=local', context);
    expect(played.tour?.steps.map((s) => [s.screen, s.region, s.panel, s.caption])).toEqual([
      ['economy', '410300', 'gdp-ranking', '洛阳：GDP 排名'],
      ['emergency', '410000', undefined, '全省火灾'],
    ]);
    // The first step's time is the briefing's pinned clock; it does not loop.
    expect(played.tour?.now).toBe('2026-11-20T10:00:00+08:00');
    expect(played.tour?.loop).toBe(false);
    // The downloaded file is the same tour.
    expect(JSON.parse(briefingFile(readBriefing() ?? { loop: false, steps: [] })).steps).toHaveLength(2);
  });

  it('names the bad field of a briefing that points at a panel the screen does not have', async () => {
    addBriefingStep({ screen: 'economy', region: '410000', panel: 'no-such-panel', filters: {}, caption: 'x', durationSec: 12 }, '2026-11-20T10:00:00+08:00');
    const error = await withTourParam(config, '?tour=local', context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([{ path: 'tour.steps[0].panel', message: 'screen "economy" has no panel "no-such-panel"' }]);
  });

  it('refuses file names outside the page directory', async () => {
    const error = await withTourParam(config, '?tour=../secret.json', context).catch((e: unknown) => e);
    expect((error as ConfigError).issues[0]?.message).toMatch(/file name like briefing.json/);
  });
});
