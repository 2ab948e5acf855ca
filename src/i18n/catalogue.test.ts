import { describe, expect, it, vi } from 'vitest';
import { incident, incidentTypes, projectRow, resource, resourceKinds, textItem } from '../data/contracts/index';
import { formatMessages } from '../lib/format';
import { locales } from '../lib/locale';
import { lazyMessages } from './lazy-parts';
import { type Message, type MessageKey, messageOf, messages } from './messages';
import { hasTerm, levelWithColour, otherLocale, pickName, term, translate, vocabularies } from './translate';

const entries = Object.entries({ ...messages, ...lazyMessages }) as [MessageKey, Message][];

/** The values a closed `z.enum` (possibly wrapped in `.catch`) accepts. */
function enumValues(schema: unknown): string[] {
  const s = schema as { options?: readonly string[]; def?: { innerType?: unknown } };
  if (s.options) return [...s.options];
  if (s.def?.innerType) return enumValues(s.def.innerType);
  throw new Error('not an enum');
}

describe('the message catalogue', () => {
  it('has every key in both locales, non-empty', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const [key, m] of entries) {
      expect(Object.keys(m).sort(), key).toEqual(['en', 'zh']);
      expect(m.zh.trim(), `${key} (zh)`).not.toBe('');
      expect(m.en.trim(), `${key} (en)`).not.toBe('');
    }
  });

  it('makes a missing locale a type error', () => {
    // @ts-expect-error: an entry without `en` does not satisfy the catalogue's entry type
    const bad = { 'x.y': { zh: '甲' } } as const satisfies Record<string, Message>;
    expect(bad).toBeDefined();
  });

  it('includes the formatters’ words (units, ages, period patterns) from lib/format', () => {
    for (const key of Object.keys(formatMessages)) expect(key in messages, key).toBe(true);
  });

  it('names every value of the closed vocabularies of the contracts, in both locales', () => {
    const closed: [Parameters<typeof term>[0], readonly (string | number)[]][] = [
      ['incident.type', incidentTypes],
      ['incident.status', enumValues(incident.shape.status)],
      ['incident.level', [1, 2, 3, 4]],
      ['resource.kind', resourceKinds],
      ['resource.status', enumValues(resource.shape.status)],
      ['appeal.status', enumValues(textItem.shape.status)],
      ['project.status', enumValues(projectRow.shape.status)],
    ];
    for (const [vocabulary, values] of closed) for (const v of values) expect(hasTerm(vocabulary, v), `${vocabulary}.${v}`).toBe(true);
    for (const l of [1, 2, 3, 4]) expect(`incident.level.${l}.colour` in messages).toBe(true);
    for (const vocabulary of vocabularies)
      expect(
        entries.some(([k]) => k.startsWith(`${vocabulary}.`)),
        vocabulary,
      ).toBe(true);
  });

  it('gives one thing one name: the incident type the list and the map share', () => {
    expect(term('incident.type', 'traffic', 'zh-CN')).toBe('交通事故');
    expect(term('incident.type', 'traffic', 'en')).toBe('Traffic accident');
    expect(term('incident.type', 'geological', 'zh-CN')).toBe('地质灾害');
    expect(levelWithColour(1, 'zh-CN')).toBe('Ⅰ级 红色');
    expect(levelWithColour(4, 'en')).toBe('Level IV · Blue');
  });
});

describe('lookups', () => {
  it('translates with placeholders', () => {
    expect(translate('table.count', 'zh-CN', { n: 12 })).toBe('共 12 个');
    expect(translate('table.count', 'en', { n: 12 })).toBe('12 projects');
  });

  it('falls back to the feed’s text for a term the catalogue does not know', () => {
    expect(term('industry', '电子信息', 'en')).toBe('Electronics');
    expect(term('industry', '电子信息', 'zh-CN')).toBe('电子信息');
    expect(term('industry', '陶瓷', 'en')).toBe('陶瓷');
    expect(term('appeal.channel', '微信', 'en')).toBe('WeChat');
    expect(term('appeal.category', '邻里纠纷', 'en')).toBe('邻里纠纷');
    expect(term('unit', '亿元', 'en')).toBe('100M CNY');
    // Prototype keys are not terms.
    expect(term('industry', '__proto__', 'en')).toBe('__proto__');
    expect(term('industry', 'constructor', 'en')).toBe('constructor');
  });

  it('picks a record’s name per locale, English falling back to Chinese', () => {
    expect(pickName({ name: '地区生产总值', nameEn: 'GDP' }, 'en')).toBe('GDP');
    expect(pickName({ name: '地区生产总值', nameEn: 'GDP' }, 'zh-CN')).toBe('地区生产总值');
    expect(pickName({ name: '地区生产总值' }, 'en')).toBe('地区生产总值');
  });

  it('switches to the other locale', () => {
    for (const l of locales) expect(otherLocale(otherLocale(l))).toBe(l);
    expect(otherLocale('zh-CN')).toBe('en');
  });
});

describe('lazy parts of the catalogue', () => {
  it('keeps the lazy words out of the entry part, and finds every one once the part is in', () => {
    const lazy = Object.keys(lazyMessages);
    expect(lazy.length).toBeGreaterThan(250);
    expect(lazy).toContain('an.band80');
    expect(lazy).toContain('gauge.target');
    for (const key of lazy) {
      expect(Object.hasOwn(messages, key), key).toBe(false);
      expect(messageOf(key), key).toEqual(lazyMessages[key as keyof typeof lazyMessages]);
    }
  });

  it('keeps every closed vocabulary in the entry part (filter notes and the takeover name them before any panel loads)', () => {
    const all = Object.keys({ ...messages, ...lazyMessages });
    for (const vocabulary of vocabularies) {
      const keys = all.filter((k) => k.startsWith(`${vocabulary}.`));
      expect(keys.length, vocabulary).toBeGreaterThan(0);
      for (const key of keys) expect(Object.hasOwn(messages, key), key).toBe(true);
    }
  });

  it('says plainly when a word is asked for before its part is loaded, and has it after loadMessageParts()', async () => {
    vi.resetModules();
    const fresh = await import('./translate');
    const part = await import('./messages');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(part.messagePartsLoaded()).toBe(false);
    expect(fresh.translate('an.band80', 'zh-CN')).toBe('an.band80');
    expect(error).toHaveBeenCalledWith('message "an.band80" is in a part of the catalogue not loaded yet');
    // An entry-part word needs no load.
    expect(fresh.translate('app.demoBadge', 'zh-CN')).toBe('演示数据');
    await part.loadMessageParts();
    expect(fresh.translate('an.band80', 'zh-CN')).toBe('80% 区间');
    expect(fresh.translate('an.band80', 'en')).toBe('80% interval');
    expect(fresh.hasMessage('an.band80')).toBe(true);
  });
});
