import type { RecordHistoryEntry } from '@zizhu/schema';
import { historyChanges, withImportAfterImages } from './record-history-changes';

const entry = (overrides: Partial<RecordHistoryEntry>): RecordHistoryEntry => ({
  at: '2026-12-01T02:00:00.000Z',
  userId: 1,
  userName: null,
  action: 'update',
  importId: null,
  importFile: null,
  before: null,
  after: null,
  ...overrides,
});

describe('historyChanges', () => {
  it('lists the fields an update changed, leaving the version aside', () => {
    expect(historyChanges({ before: { name: '甲', grade: '高一', version: 1 }, after: { name: '甲', grade: '高二', version: 2 } })).toEqual([
      { key: 'grade', before: '高一', after: '高二' },
    ]);
  });

  it('lists every field of a lone snapshot (a creation)', () => {
    expect(historyChanges({ before: null, after: { name: '乙' } })).toEqual([{ key: 'name', before: undefined, after: '乙' }]);
    expect(historyChanges({ before: null, after: null })).toEqual([]);
  });
});

describe('withImportAfterImages', () => {
  it('gives an import update the values the next line replaced, or the record as it is now', () => {
    const history = [
      entry({ before: { grade: '高二', className: '1班' }, after: { grade: '高二', className: '2班' } }),
      entry({ importId: 8, before: { grade: '高一', name: '甲' } }),
      entry({ importId: 7, before: { grade: '初三', name: '甲' } }),
      entry({ action: 'create', importId: 5 }),
    ];
    const filled = withImportAfterImages(history, { grade: '高二', className: '2班', name: '甲' });
    expect(filled[0]).toBe(history[0]);
    expect(filled[1].after).toEqual({ grade: '高二', name: '甲' });
    expect(filled[2].after).toEqual({ grade: '高一', name: '甲' });
    expect(filled[3].after).toBeNull();
    expect(historyChanges(filled[1])).toEqual([{ key: 'grade', before: '高一', after: '高二' }]);
  });
});
