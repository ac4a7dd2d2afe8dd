import { describe, expect, it } from 'vitest';
import { textDirection } from '../../shared/domain/direction';

describe('textDirection (a note is right-aligned on the canvas when it is written right to left)', () => {
  it('is right to left when the first letter is Hebrew or Arabic, whatever follows', () => {
    expect(textDirection('שלום עולם')).toBe('rtl');
    expect(textDirection('ينتظر الزبون')).toBe('rtl');
    expect(textDirection('— 3 × ينتظر the Uber')).toBe('rtl');
    expect(textDirection('«שלום» Anna')).toBe('rtl');
  });
  it('is left to right when the first letter is of a left-to-right script, or there is none', () => {
    expect(textDirection('Anna says שלום')).toBe('ltr');
    expect(textDirection('Очередь у кассы')).toBe('ltr');
    expect(textDirection('待ち時間が長い')).toBe('ltr');
    expect(textDirection('123 👍')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
  });
});
