import { historyChanges } from './record-history-changes';

describe('historyChanges', () => {
  it('lists the fields an update changed, leaving the version aside', () => {
    expect(historyChanges({ before: { name: '甲', grade: '高一', version: 1 }, after: { name: '甲', grade: '高二', version: 2 } })).toEqual([
      { key: 'grade', before: '高一', after: '高二' },
    ]);
  });

  it('lists every field of a lone snapshot (an import’s before-image, a creation)', () => {
    expect(historyChanges({ before: { grade: '高一', className: null }, after: null })).toEqual([
      { key: 'grade', before: '高一', after: undefined },
      { key: 'className', before: null, after: undefined },
    ]);
    expect(historyChanges({ before: null, after: { name: '乙' } })).toEqual([{ key: 'name', before: undefined, after: '乙' }]);
    expect(historyChanges({ before: null, after: null })).toEqual([]);
  });
});
