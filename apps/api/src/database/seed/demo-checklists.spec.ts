import { checklistItems } from '@zizhu/schema';
import { findDefinitionProblem } from '@zizhu/checks';
import { DATA_ITEM_CODES } from '../../modules/checks/data-items/data-item-catalogue';
import { DEMO_CHECKLISTS, SPECIAL_INSPECTION } from './demo-checklists';

describe('demo checklists', () => {
  it.each(DEMO_CHECKLISTS.map((c) => [c.code, c.definition] as const))('%s is a definition the designer could publish', (_code, definition) => {
    expect(findDefinitionProblem(definition, DATA_ITEM_CODES)).toBeNull();
  });

  it('the special inspection has about thirty items in five sections, with data items, a sample and critical items', () => {
    const items = checklistItems(SPECIAL_INSPECTION).map(({ item }) => item);
    expect(SPECIAL_INSPECTION.sections).toHaveLength(5);
    expect(items.length).toBeGreaterThanOrEqual(28);
    expect(items.filter((item) => item.dataItem).length).toBeGreaterThanOrEqual(4);
    expect(items.filter((item) => item.sample)).toHaveLength(1);
    expect(items.some((item) => item.critical)).toBe(true);
  });
});
