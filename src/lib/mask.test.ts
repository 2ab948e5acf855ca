import { describe, expect, it } from 'vitest';
import { hasPersonalData, maskPersonalData as mask } from './mask';

describe('maskPersonalData: personal numbers are masked', () => {
  it('masks mobile numbers, keeping the first 3 and last 4 digits', () => {
    expect(mask('联系电话13812345678，请尽快回电')).toBe('联系电话138****5678，请尽快回电');
    expect(mask('手机 139-0371-2468 或 186 1234 9876')).toBe('手机 139****2468 或 186****9876');
    expect(mask('+86 15937101234')).toBe('+86 159****1234');
  });

  it('masks landlines with an area code, keeping the area code and last 4 digits', () => {
    expect(mask('办公室电话0371-65551234')).toBe('办公室电话0371-****1234');
    expect(mask('座机 0379-6388765 转')).toBe('座机 0379-****8765 转');
    expect(mask('(0371)66778899')).toBe('(0371)-****8899');
  });

  it('masks 18-digit ID numbers, including a trailing X', () => {
    expect(mask('身份证号410102198507121234')).toBe('身份证号410102********1234');
    expect(mask('身份证41010519900101123X。')).toBe('身份证410105********123X。');
    expect(mask('证件号 41010519900101123x')).toBe('证件号 410105********123X');
  });

  it('masks bank cards of 16 to 19 digits, plain or in groups of four', () => {
    expect(mask('退款至6222021234567890')).toBe('退款至6222 **** **** 7890');
    expect(mask('卡号6217 0000 1111 2222 333')).toBe('卡号6217 **** **** 2333');
    expect(mask('卡号 6228-4800-1234-5678')).toBe('卡号 6228 **** **** 5678');
    expect(mask('账号6222600260001072444')).toBe('账号6222 **** **** 2444');
  });

  it('masks every number in a text with several', () => {
    const text = '本人张某，电话13700001111，身份证411302198812240016，银行卡6222021234567890123，家里电话0375-2961234';
    const masked = mask(text);
    expect(masked).toBe('本人张某，电话137****1111，身份证411302********0016，银行卡6222 **** **** 0123，家里电话0375-****1234');
    expect(hasPersonalData(masked)).toBe(false);
    expect(mask(masked)).toBe(masked);
  });
});

describe('maskPersonalData: ordinary numbers are left alone', () => {
  const untouched = [
    '补贴金额 12000 元，已发放 3,560,000 元',
    '2026年11月20日起供暖，室温低于18℃',
    '日期 2026-11-20 14:30',
    '拨打12345热线反映',
    '工单编号 2026-110-000123 已办结',
    '案件号2026110000123',
    '满意度 98.5%，同比提高 1.2 个百分点',
    '共 37 户 126 人受影响，涉及 3 个小区',
    '车牌豫A12345',
    '邮编450000',
    '金额 1380000.00 元',
    '20261120143000 时间戳',
    '0371',
    '第13812号文件',
  ];
  for (const text of untouched) {
    it(`keeps "${text}"`, () => {
      expect(mask(text)).toBe(text);
      expect(hasPersonalData(text)).toBe(false);
    });
  }

  it('does not take part of a longer digit run for a phone number', () => {
    expect(mask('流水号 9913812345678')).toBe('流水号 9913812345678');
    expect(mask('编号 1-13812345678-2')).toBe('编号 1-13812345678-2');
  });
});
