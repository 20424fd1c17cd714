import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES } from '@zizhu/api/engine/metadata/page-registry';
import { RESOURCES } from '@zizhu/api/engine/metadata/resource-registry';

/** Every menu icon a declaration names is one the panel knows (else it shows a folder). */
describe('resource icons', () => {
  const source = readFileSync(join(__dirname, '../../apps/admin/src/schema/resource-icon.ts'), 'utf8');
  const known = new Set([...source.matchAll(/^\s+([a-z_]+): [A-Za-z]+Icon,$/gm)].map((m) => m[1]));

  it.each(RESOURCES.filter((r) => r.icon).map((r) => [r.name, r.icon as string]))('%s uses a known icon (%s)', (_name, icon) => {
    expect(known).toContain(icon);
  });

  it.each(PAGES.map((p) => [p.name, p.icon]))('page %s uses a known icon (%s)', (_name, icon) => {
    expect(known).toContain(icon);
  });
});
