import { MENU_GROUPS } from '@zizhu/schema';
import { PAGES } from './page-registry';
import { RESOURCES } from './resource-registry';

/** The panel's menu is built from these placements: none may be missing or collide. */
describe('menu placements', () => {
  const listable = RESOURCES.filter((r) => r.access.list.length > 0);
  const entries = [...listable.map((r) => ({ name: r.name, menu: r.menu })), ...PAGES.map((p) => ({ name: p.name, menu: p.menu }))];

  it.each(listable.map((r) => [r.name]))('%s, which some role lists, has a menu entry in a declared group', (name) => {
    const menu = RESOURCES.find((r) => r.name === name)?.menu;
    expect(MENU_GROUPS).toContain(menu?.group);
  });

  it('gives every entry its own place in its group', () => {
    const places = entries.map((e) => `${e.menu?.group}:${e.menu?.order}`);
    expect(new Set(places).size).toBe(places.length);
  });
});
