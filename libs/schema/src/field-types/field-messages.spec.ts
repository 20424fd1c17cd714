import type { FieldDeclaration } from '../field';
import { renderMessage } from './field-messages';
import { findValueFault } from './field-type-registry';

const ENV = { referenceIdType: () => 'integer' as const };
const amount: FieldDeclaration = { type: 'money', label: { zh: '发放金额', en: 'Amount' }, min: 1, max: 500_000 };

describe('renderMessage', () => {
  it('names a money bound in yuan, as the user types the amount, not in the fen it is stored in', () => {
    expect(findValueFault(amount, 0, ENV)).toBe('min');
    expect(renderMessage('min', amount)).toEqual({ zh: '发放金额不能小于0.01元', en: 'Amount must be at least 0.01 yuan' });
    expect(findValueFault(amount, 500_001, ENV)).toBe('max');
    expect(renderMessage('max', amount)).toEqual({ zh: '发放金额不能大于5,000.00元', en: 'Amount must be at most 5,000.00 yuan' });
  });

  it('names a number bound as declared', () => {
    const age: FieldDeclaration = { type: 'integer', label: { zh: '年龄', en: 'Age' }, min: 3, max: 30 };
    expect(renderMessage('min', age)).toEqual({ zh: '年龄不能小于3', en: 'Age must be at least 3' });
    expect(renderMessage('max', age)).toEqual({ zh: '年龄不能大于30', en: 'Age must be at most 30' });
  });
});
