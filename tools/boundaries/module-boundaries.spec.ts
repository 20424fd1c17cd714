import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Module boundaries, read from each project's Nx tags: the shared schema library stays
 * free of Nest, React, TypeORM and Node I/O, so both the API and the panel can use it;
 * domain libs may use the schema library and nothing heavier; the panel never reaches
 * into the API.
 */
const ROOT = join(__dirname, '../..');

interface Rule {
  tag: string;
  forbidden: RegExp;
  why: string;
}

const RULES: Rule[] = [
  { tag: 'type:schema', forbidden: /^(@nestjs|typeorm|pg|react|@mui|react-admin|node:|fs$|path$|@zizhu\/(?!schema$))/, why: 'the schema library is pure' },
  { tag: 'type:domain', forbidden: /^(@nestjs|typeorm|pg|react|@mui|react-admin|node:|@zizhu\/api)/, why: 'domain libs are declarations and rules only' },
  { tag: 'scope:admin', forbidden: /^(@nestjs|typeorm|pg$|@zizhu\/api|@zizhu\/(regions|students|access|demo-data))/, why: 'the panel knows resources only through GET /api/schema' },
];

function projects(): { root: string; tags: string[] }[] {
  const found: { root: string; tags: string[] }[] = [];
  for (const group of ['apps', 'libs']) {
    for (const name of readdirSync(join(ROOT, group))) {
      const file = join(ROOT, group, name, 'project.json');
      try {
        found.push({ root: join(ROOT, group, name), tags: JSON.parse(readFileSync(file, 'utf8')).tags ?? [] });
      } catch {
        // not a project folder
      }
    }
  }
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'dist') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry) && !/\.spec\.tsx?$/.test(entry) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('module boundaries', () => {
  const cases = projects().flatMap((project) =>
    RULES.filter((rule) => project.tags.includes(rule.tag)).map((rule) => [relative(ROOT, project.root), rule] as const),
  );

  it('has rules that apply to real projects', () => {
    expect(cases.map(([root]) => root)).toEqual(expect.arrayContaining(['libs/schema', 'libs/students', 'apps/admin']));
  });

  it.each(cases)('%s respects its tag rule', (root, rule) => {
    const violations = sources(join(ROOT, root, 'src')).flatMap((file) =>
      imports(file)
        .filter((spec) => rule.forbidden.test(spec))
        .map((spec) => `${relative(ROOT, file)} imports ${spec} (${rule.why})`),
    );
    expect(violations).toEqual([]);
  });
});
