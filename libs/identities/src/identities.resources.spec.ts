import { checkOmissionReview } from './omission.enums';
import { omissionResource } from './omission.resource';
import { carriesMark } from './comparison.enums';
import { checkListIds, comparisonResource, parseListIds } from './comparison.resource';
import { comparisonResultResource } from './comparison-result.resource';
import { identityListResource } from './identity-list.resource';
import { identityResource } from './identity.resource';

describe('identity declarations', () => {
  it('key identities by ID number within their list, so one person may be on several lists', () => {
    expect(identityResource.businessKey).toEqual(['idNumber', 'listId']);
    const unique = identityResource.indexes?.find((i) => i.unique);
    expect(unique?.columns).toEqual(['list_id', 'id_number']);
  });

  it('derive the birth date from the ID number (the comparison blocks on it) and mask the number', () => {
    expect(identityResource.fields.idNumber.derives).toEqual({ birthDate: 'birthDate' });
    expect(identityResource.fields.birthDate.readOnly).toBe(true);
    expect(identityResource.fields.idNumber.sensitive?.plainFor).toEqual(['admin']);
  });

  it('refuse a list valid until before its batch date', () => {
    expect(identityListResource.check?.({ batchDate: '2026-09-01', validUntil: '2026-08-31' })?.field).toBe('validUntil');
    expect(identityListResource.check?.({ batchDate: '2026-09-01', validUntil: '2027-08-31' })).toBeNull();
    expect(identityListResource.check?.({ batchDate: '2026-09-01' })).toBeNull();
  });
});

describe('comparison declarations', () => {
  it.each([
    ['1,2', true],
    ['3', true],
    ['', false],
    ['1,1', false],
    ['1, 2', false],
    ['0', false],
    [[1, 2], false],
    [null, false],
  ])('accept list ids %j: %s', (listIds, ok) => {
    expect(checkListIds(listIds) === null).toBe(ok);
    expect(comparisonResource.check?.({ listIds }) === null).toBe(ok);
  });

  it('parse list ids', () => {
    expect(parseListIds('3,15')).toEqual([3, 15]);
    expect(parseListIds('x')).toBeNull();
  });

  it('let schools change only the decision, its reason and its evidence file', () => {
    const writable = Object.entries(comparisonResultResource.fields).filter(([, f]) => !f.readOnly).map(([k]) => k);
    expect(writable).toEqual(['decision', 'decisionReason', 'evidenceFileId']);
    expect(comparisonResultResource.access.create).toEqual([]);
    expect(comparisonResultResource.access.update).toContain('school');
  });

  it('place results at the student (school) first, the run region for unmatched persons', () => {
    expect(comparisonResultResource.scope).toEqual({ kind: 'reference', via: ['studentId', 'regionId'] });
  });

  it('require a reason to reject a match', () => {
    expect(comparisonResultResource.check?.({ decision: 'rejected', decisionReason: ' ' })?.field).toBe('decisionReason');
    expect(comparisonResultResource.check?.({ decision: 'rejected', decisionReason: '户籍已迁出' })).toBeNull();
    expect(comparisonResultResource.check?.({ decision: 'confirmed' })).toBeNull();
  });

  it.each([
    ['matched', 'pending', true],
    ['matched', 'confirmed', true],
    ['matched', 'rejected', false],
    ['questionable', 'pending', false],
    ['questionable', 'confirmed', true],
    ['questionable', 'rejected', false],
    ['unmatched', 'confirmed', false],
  ])('a %s result decided %s gives a mark: %s', (outcome, decision, mark) => {
    expect(carriesMark(outcome, decision)).toBe(mark);
  });
});

describe('omission declarations', () => {
  it('scope omissions through the student and keep the review fields server-set', () => {
    expect(omissionResource.scope).toEqual({ kind: 'reference', via: ['studentId'] });
    const writable = Object.entries(omissionResource.fields).filter(([, f]) => !f.readOnly).map(([k]) => k);
    expect(writable).toEqual(['studentId', 'identityTypeId', 'reason', 'evidence', 'evidenceFileId']);
    expect(omissionResource.access.create).toContain('school');
  });

  it('need a decision, and a reason to return', () => {
    expect(checkOmissionReview('approved', undefined)).toBeNull();
    expect(checkOmissionReview('returned', '缺证明')).toBeNull();
    expect(checkOmissionReview('returned', ' ')?.field).toBe('reason');
    expect(checkOmissionReview('maybe', 'x')?.field).toBe('decision');
  });
});
