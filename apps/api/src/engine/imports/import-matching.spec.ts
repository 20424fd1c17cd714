import { identityResource } from '@zizhu/identities';
import { regionResource } from '@zizhu/regions';
import { studentResource } from '@zizhu/students';
import { businessKeyJoin, stagedBusinessKey } from './import-matching';

describe('business keys of imported rows', () => {
  it('stage a one-field key as the value and join on the column (its index serves)', () => {
    expect(stagedBusinessKey(studentResource, { idNumber: '450902201203150011' })).toBe('450902201203150011');
    expect(businessKeyJoin(studentResource)).toBe('t."id_number" = r.business_key');
    expect(businessKeyJoin(regionResource)).toBe('t."id" = r.business_key');
  });

  it('stage a composite key (ID number within a list) as its parts, split again to join', () => {
    expect(stagedBusinessKey(identityResource, { idNumber: '450902201203150011', listId: 7 })).toBe('450902201203150011\u001f7');
    expect(businessKeyJoin(identityResource)).toBe(
      't."id_number"::text = split_part(r.business_key, chr(31), 1) AND t."list_id"::text = split_part(r.business_key, chr(31), 2)',
    );
  });

  it('has no key when a key field is empty', () => {
    expect(stagedBusinessKey(identityResource, { idNumber: '450902201203150011' })).toBeNull();
    expect(stagedBusinessKey(studentResource, { name: 'x' })).toBeNull();
  });
});
