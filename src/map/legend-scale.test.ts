import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR, buildColorScale, classLabel, roundSignificant, sampleRamp } from './legend-scale';

const ramp = ['#000000', '#808080', '#ffffff'];

describe('legend scale', () => {
  it('rounds breaks to two significant digits so the legend shows the thresholds actually used', () => {
    expect(roundSignificant(1234)).toBe(1200);
    expect(roundSignificant(0.04567)).toBe(0.046);
    expect(roundSignificant(-2550)).toBe(-2600);
    const scale = buildColorScale([759, 1099, 1679, 2489, 3091, 5482, 13617], 'quantile', 4, ramp);
    for (const b of scale.breaks) expect(roundSignificant(b)).toBe(b);
    expect(scale.classes).toHaveLength(scale.breaks.length + 1);
    expect(scale.classes[0]?.from).toBeNull();
    expect(scale.classes.at(-1)?.to).toBeNull();
  });

  it('classifies by half-open intervals [from, to)', () => {
    const scale = buildColorScale([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'quantize', 3, ramp);
    expect(scale.breaks).toEqual([4, 7]);
    expect(scale.classOf(3.99)).toBe(0);
    expect(scale.classOf(4)).toBe(1);
    expect(scale.classOf(10)).toBe(2);
    expect(scale.classOf(null)).toBe(-1);
    expect(scale.classOf(Number.NaN)).toBe(-1);
  });

  it('uses equal ratios for a log scale of positive values, else falls back to equal intervals', () => {
    const log = buildColorScale([1, 10, 100, 1000], 'log', 3, ramp);
    expect(log.breaks).toEqual([10, 100]);
    const mixed = buildColorScale([-10, 0, 10, 20], 'log', 3, ramp);
    expect(mixed.breaks).toEqual([0, 10]);
  });

  it('gives fewer classes than asked when values are few, none when there are none', () => {
    expect(buildColorScale([5, 5, 5], 'quantile', 5, ramp).classes).toHaveLength(1);
    const empty = buildColorScale([null, undefined], 'quantile', 5, ramp);
    expect(empty.classes).toHaveLength(0);
    expect(empty.domain).toBeNull();
    expect(empty.rgbaOf(3)).toEqual([0x2a, 0x3a, 0x55, 153]);
    expect(NO_DATA_COLOR).toBe('#2a3a55');
  });

  it('samples ramps evenly, ends included', () => {
    expect(sampleRamp(ramp, 3)).toEqual(['#000000', '#808080', '#ffffff']);
    expect(sampleRamp(ramp, 5)[1]).toBe('#404040');
    expect(sampleRamp(ramp, 1)).toEqual(['#ffffff']);
  });

  it('labels classes as a reader expects', () => {
    const f = (v: number) => v.toLocaleString('en-US');
    expect(classLabel({ color: '', from: null, to: 2500 }, f)).toBe('< 2,500');
    expect(classLabel({ color: '', from: 2500, to: 3300 }, f)).toBe('2,500 – 3,300');
    expect(classLabel({ color: '', from: 5500, to: null }, f)).toBe('≥ 5,500');
  });
});
