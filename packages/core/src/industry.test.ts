import { describe, expect, it } from 'vitest';
import { findIndustry, industryDivisions, industrySections, sectionOfDivision } from './industry';

describe('GB/T 4754-2017 catalogue', () => {
  it('has 20 sections A–T and 97 divisions 01–97', () => {
    expect(industrySections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(industryDivisions).toHaveLength(97);
    expect(industryDivisions.map((d) => d.code)).toEqual(
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    for (const s of industrySections) {
      expect(s.nameZh).not.toBe('');
      expect(s.nameEn).not.toBe('');
    }
    expect(new Set(industryDivisions.map((d) => d.nameZh)).size).toBe(97);
  });

  it('maps divisions to sections in contiguous ascending blocks', () => {
    const order = industryDivisions.map((d) => d.section);
    const blocks = order.filter((s, i) => i === 0 || order[i - 1] !== s);
    expect(blocks.join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    const count = (section: string) => industryDivisions.filter((d) => d.section === section).length;
    expect(count('A')).toBe(5);
    expect(count('B')).toBe(7);
    expect(count('C')).toBe(31);
    expect(count('S')).toBe(6);
  });

  it('knows the section ranges', () => {
    const range = (section: string) => {
      const codes = industryDivisions.filter((d) => d.section === section).map((d) => d.code);
      return [codes[0], codes[codes.length - 1]];
    };
    expect(range('C')).toEqual(['13', '43']);
    expect(range('I')).toEqual(['63', '65']);
    expect(range('M')).toEqual(['73', '75']);
    expect(range('N')).toEqual(['76', '79']);
    expect(range('T')).toEqual(['97', '97']);
  });
});

describe('sectionOfDivision', () => {
  it('returns the section letter', () => {
    expect(sectionOfDivision('39')).toBe('C');
    expect(sectionOfDivision('01')).toBe('A');
    expect(sectionOfDivision('65')).toBe('I');
    expect(sectionOfDivision('6513')).toBe('I');
    expect(sectionOfDivision('98')).toBeNull();
    expect(sectionOfDivision('00')).toBeNull();
    expect(sectionOfDivision('C')).toBeNull();
  });
});

describe('findIndustry', () => {
  it('finds a section', () => {
    const m = findIndustry('c');
    expect(m?.section.nameZh).toBe('制造业');
    expect(m?.division).toBeNull();
  });

  it('finds divisions and longer codes', () => {
    expect(findIndustry('39')?.division?.nameZh).toBe('计算机、通信和其他电子设备制造业');
    expect(findIndustry('3911')).toMatchObject({
      code: '3911',
      section: { code: 'C' },
      division: { code: '39' },
    });
    expect(findIndustry('651')?.division?.nameZh).toBe('软件和信息技术服务业');
    expect(findIndustry(' 7310 ')?.section.nameZh).toBe('科学研究和技术服务业');
    expect(findIndustry('C3911')?.division?.code).toBe('39');
    expect(findIndustry('70')?.division?.nameZh).toBe('房地产业');
    expect(findIndustry('79')?.division?.nameZh).toBe('土地管理业');
  });

  it('rejects unknown or malformed codes', () => {
    expect(findIndustry('')).toBeNull();
    expect(findIndustry('U')).toBeNull();
    expect(findIndustry('98')).toBeNull();
    expect(findIndustry('3')).toBeNull();
    expect(findIndustry('39111')).toBeNull();
    expect(findIndustry('A3911')).toBeNull(); // 39 is in C, not A
    expect(findIndustry('3a')).toBeNull();
  });
});
