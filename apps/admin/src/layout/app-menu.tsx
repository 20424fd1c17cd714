import { Divider, ListSubheader } from '@mui/material';
import { createElement, Fragment } from 'react';
import { Menu, useLocaleState, useSidebarState, useTranslate } from 'react-admin';
import { languageOf } from '../providers/locales';
import { resourceIcon } from '../schema/resource-icon';
import { useSchema } from '../schema/use-schema';
import { menuSections } from './menu-entries';

/** The side menu, grouped by area of work (学生与学校, 大数据比对, …) as the declarations place each entry. */
export function AppMenu() {
  const schema = useSchema();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open] = useSidebarState();
  return (
    <Menu>
      <Menu.DashboardItem />
      {schema &&
        menuSections(schema).map(({ group, entries }) => (
          <Fragment key={group}>
            {open ? (
              <ListSubheader data-testid={`menu-group-${group}`} sx={{ bgcolor: 'transparent', lineHeight: '32px', mt: 1 }}>
                {translate(`zizhu.menu.${group}`)}
              </ListSubheader>
            ) : (
              <Divider sx={{ my: 0.5 }} />
            )}
            {entries.map((entry) =>
              entry.kind === 'resource' ? (
                <Menu.ResourceItem key={entry.resource.name} name={entry.resource.name} />
              ) : (
                <Menu.Item
                  key={entry.page.name}
                  to={entry.page.path}
                  primaryText={entry.page.label[languageOf(locale)]}
                  leftIcon={createElement(resourceIcon(entry.page.icon))}
                />
              ),
            )}
          </Fragment>
        ))}
    </Menu>
  );
}
