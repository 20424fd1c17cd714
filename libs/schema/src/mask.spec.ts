import { isMasked, maskValue } from './mask';

describe('maskValue', () => {
  it.each([
    ['idNumber', '450702200803151234', '4507**********1234'],
    ['phone', '13812345678', '138****5678'],
    ['account', '6217001234567890123', '6217***********0123'],
    ['phone', '1234', '****'],
  ] as const)('masks a %s', (kind, value, masked) => {
    expect(maskValue(kind, value)).toBe(masked);
    expect(isMasked(maskValue(kind, value))).toBe(true);
  });
});
