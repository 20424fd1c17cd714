import { findIdNumberFault, idNumberCheckChar, idNumberFacts, normalizeIdNumber } from './id-number';

const valid = (first17: string) => first17 + idNumberCheckChar(first17);

describe('ID numbers', () => {
  const good = valid('45090220080315123');

  it('accepts a number with a correct check digit and derives its facts', () => {
    expect(findIdNumberFault(good)).toBeNull();
    expect(idNumberFacts(good)).toEqual({ regionCode: '450902', birthDate: '2008-03-15', gender: 'male' });
  });

  it('derives female from an even sequence digit', () => {
    expect(idNumberFacts(valid('45090220080315124')).gender).toBe('female');
  });

  it('normalises spaces, full-width digits and a lowercase x', () => {
    expect(normalizeIdNumber(' ４５０９ 02200803151234 ')).toBe('450902200803151234');
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
  });

  it.each([
    ['too short', '45090220080315', 'length'],
    ['letters inside', '4509022008031512A4', 'characters'],
    ['unknown province', valid('99090220080315123'), 'region'],
    ['impossible date', valid('45090220080230123'), 'birthDate'],
    ['future date', valid('45090221990101123'), 'birthDate'],
  ])('rejects %s', (_case, id, fault) => {
    expect(findIdNumberFault(id, new Date('2026-11-22'))).toBe(fault);
  });

  it('rejects a wrong check digit', () => {
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(findIdNumberFault(wrong)).toBe('checkDigit');
  });

  it('knows the published example 11010519491231002X', () => {
    expect(findIdNumberFault('11010519491231002X')).toBeNull();
  });

  it('answers a number asked again (once per fault) the same, and by the date given when there is one', () => {
    const first17 = `450902${new Date().getUTCFullYear() + 1}0101123`;
    const unborn = first17 + idNumberCheckChar(first17);
    expect(findIdNumberFault(unborn)).toBe('birthDate');
    expect(findIdNumberFault(unborn)).toBe('birthDate');
    expect(findIdNumberFault(unborn, new Date(Date.UTC(new Date().getUTCFullYear() + 2, 0, 1)))).toBeNull();
    expect(findIdNumberFault('11010519491231002X')).toBeNull();
    expect(findIdNumberFault(unborn)).toBe('birthDate');
  });
});
