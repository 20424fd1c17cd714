import { MENU_GROUPS, type MenuGroup, type MenuPlacement, type PageSchema, type ResourceSchema, type SchemaPayload } from '@zizhu/schema';

export type MenuEntry = { kind: 'resource'; resource: ResourceSchema; menu: MenuPlacement } | { kind: 'page'; page: PageSchema; menu: MenuPlacement };

export interface MenuSection {
  group: MenuGroup;
  entries: MenuEntry[];
}

/**
 * The menu as the schema places it: groups in their declared order, entries by their
 * order; a group with nothing the user may open is left out. (The schema lists only the
 * resources the user may read and the pages their role may open.)
 */
export function menuSections(schema: Pick<SchemaPayload, 'resources' | 'pages'>): MenuSection[] {
  const entries: MenuEntry[] = [
    ...schema.resources.flatMap((resource): MenuEntry[] => (resource.menu ? [{ kind: 'resource', resource, menu: resource.menu }] : [])),
    ...(schema.pages ?? []).map((page): MenuEntry => ({ kind: 'page', page, menu: page.menu })),
  ];
  return MENU_GROUPS.map((group) => ({
    group,
    entries: entries.filter((entry) => entry.menu.group === group).sort((a, b) => a.menu.order - b.menu.order),
  })).filter((section) => section.entries.length > 0);
}
