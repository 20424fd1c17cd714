import { SharedStrings } from './shared-strings';

describe('SharedStrings', () => {
  it('gives back every string, including ones that straddle its pages and empty ones', () => {
    const strings = new SharedStrings();
    const written: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const text = i % 7 === 0 ? '' : `黄梓涵${i}`.repeat(1 + (i % 400));
      written.push(text);
      strings.push(text);
    }
    expect(strings.count).toBe(5_000);
    expect(written.every((text, i) => strings.get(i) === text)).toBe(true);
    expect(strings.get(5_000)).toBeUndefined();
    expect(strings.asArray()[3]).toBe(written[3]);
  });
});
