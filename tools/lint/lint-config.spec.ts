import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Module boundaries are ESLint's job (eslint.config.mjs). Nx's boundary rule skips itself
 * without a word when it finds no project graph, so this lints planted violations through
 * the real config and expects every one to be reported: a rule that stopped working fails
 * here, not silently in `npm test`.
 */
const ROOT = join(__dirname, '../..');

interface Planted {
  file: string;
  code: string;
  rule: string;
}

const PLANTED: [string, Planted][] = [
  ['the schema library imports Nest', { file: 'libs/schema/src/planted.ts', code: "import { Module } from '@nestjs/common';", rule: '@nx/enforce-module-boundaries' }],
  ['the schema library imports React', { file: 'libs/schema/src/planted.ts', code: "import { useState } from 'react';", rule: '@nx/enforce-module-boundaries' }],
  ['the schema library imports a domain lib', { file: 'libs/schema/src/planted.ts', code: "import { STUDENT_RESOURCE } from '@zizhu/students';", rule: '@nx/enforce-module-boundaries' }],
  ['the schema library reads files', { file: 'libs/schema/src/planted.ts', code: "import { readFileSync } from 'node:fs';", rule: 'no-restricted-imports' }],
  ['a domain lib imports TypeORM', { file: 'libs/programs/src/planted.ts', code: "import { EntitySchema } from 'typeorm';", rule: '@nx/enforce-module-boundaries' }],
  ['a domain lib imports the API', { file: 'libs/funds/src/planted.ts', code: "import { AppModule } from '@zizhu/api/app.module';", rule: '@nx/enforce-module-boundaries' }],
  ['the panel imports a domain lib', { file: 'apps/admin/src/planted.ts', code: "import { STUDENT_RESOURCE } from '@zizhu/students';", rule: '@nx/enforce-module-boundaries' }],
  ['the panel imports the API', { file: 'apps/admin/src/planted.ts', code: "import { AppModule } from '@zizhu/api/app.module';", rule: '@nx/enforce-module-boundaries' }],
  ['the panel imports Nest', { file: 'apps/admin/src/planted.ts', code: "import { Module } from '@nestjs/common';", rule: '@nx/enforce-module-boundaries' }],
  ['the API imports the panel', { file: 'apps/api/src/planted.ts', code: "import { App } from '../../admin/src/app';", rule: '@nx/enforce-module-boundaries' }],
  ['the API imports React', { file: 'apps/api/src/planted.ts', code: "import { useState } from 'react';", rule: '@nx/enforce-module-boundaries' }],
  ['the engine imports a module', { file: 'apps/api/src/engine/rest/planted.ts', code: "import { FundsModule } from '../../modules/funds/funds.module';", rule: 'zizhu/restricted-paths' }],
  ['the engine imports the migrations', { file: 'apps/api/src/engine/database/planted.ts', code: "import { MIGRATIONS } from '../../database/migrations';", rule: 'zizhu/restricted-paths' }],
  ['the engine imports the app module', { file: 'apps/api/src/engine/planted.ts', code: "import { AppModule } from '@zizhu/api/app.module';", rule: 'zizhu/restricted-paths' }],
  ['production code imports a test helper', { file: 'apps/api/src/modules/funds/planted.ts', code: "import { startTestApp } from '../../testing/test-app';", rule: 'zizhu/restricted-paths' }],
  ["the panel's schema folder imports a feature", { file: 'apps/admin/src/schema/planted.ts', code: "import { FUND_EXTENSIONS } from '../funds/fund-extensions';", rule: 'zizhu/restricted-paths' }],
  ["the panel's providers import a feature", { file: 'apps/admin/src/providers/planted.ts', code: "import { IMPORT_TEXTS } from '../imports/import-messages';", rule: 'zizhu/restricted-paths' }],
  ['code uses any', { file: 'libs/students/src/planted.ts', code: 'export const value: any = 1;', rule: '@typescript-eslint/no-explicit-any' }],
  ['a panel hook runs conditionally', { file: 'apps/admin/src/layout/planted.tsx', code: "import { useState } from 'react';\nexport function Planted({ on }: { on: boolean }) { if (on) useState(0); return null; }", rule: 'react-hooks/rules-of-hooks' }],
];

/** Allowed imports, so the config is not simply refusing everything. */
const ALLOWED: [string, Omit<Planted, 'rule'>][] = [
  ['a domain lib imports the schema library', { file: 'libs/programs/src/planted.ts', code: "import { columnName } from '@zizhu/schema';" }],
  ['the panel imports the schema library', { file: 'apps/admin/src/planted.ts', code: "import type { SchemaPayload } from '@zizhu/schema';" }],
  ['the API imports a domain lib', { file: 'apps/api/src/modules/funds/planted.ts', code: "import { STUDENT_RESOURCE } from '@zizhu/students';" }],
  ['the engine imports its own database helpers', { file: 'apps/api/src/engine/imports/planted.ts', code: "import { copyText } from '../database/copy-loader';" }],
  ['a feature imports the generic folders', { file: 'apps/admin/src/funds/planted.ts', code: "import { useSchema } from '../schema/use-schema';" }],
  ['a spec imports a test helper', { file: 'apps/api/src/modules/funds/planted.integration.spec.ts', code: "import { startTestApp } from '../../testing/test-app';" }],
  ['an end-to-end spec drives the API', { file: 'tests/e2e/planted.e2e.spec.ts', code: "import { startTestApp } from '@zizhu/api/testing/test-app';" }],
];

/** Lints every case in one ESLint process (loading the config and the graph takes seconds). */
function lint(cases: Omit<Planted, 'rule'>[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint();
    const found = [];
    for (const { file, code } of cases) {
      const [result] = await eslint.lintText(code + '\\n', { filePath: file });
      found.push(result.messages.map((m) => m.ruleId ?? m.message));
    }
    process.stdout.write(JSON.stringify(found));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases)], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(output) as string[][];
}

describe('lint config', () => {
  let planted: string[][];
  let allowed: string[][];

  beforeAll(() => {
    const found = lint([...PLANTED.map(([, c]) => c), ...ALLOWED.map(([, c]) => c)]);
    planted = found.slice(0, PLANTED.length);
    allowed = found.slice(PLANTED.length);
  }, 120_000);

  it.each(PLANTED.map(([name, c], i) => [name, c.rule, i] as const))('reports %s (%s)', (_name, rule, i) => {
    expect(planted[i]).toContain(rule);
  });

  it.each(ALLOWED.map(([name], i) => [name, i] as const))('allows %s', (_name, i) => {
    expect(allowed[i].filter((rule) => rule !== '@typescript-eslint/no-unused-vars')).toEqual([]);
  });
});

describe('project tags', () => {
  const roots = [...['apps', 'libs'].flatMap((group) => readdirSync(join(ROOT, group)).map((name) => `${group}/${name}`)), 'tests', 'tools'];
  const projects = roots.map((root) => [root, JSON.parse(readFileSync(join(ROOT, root, 'project.json'), 'utf8')) as { tags?: string[]; targets?: object }] as const);

  it.each(projects)('%s has one scope tag, one type tag and a lint target', (_root, project) => {
    const tags = project.tags ?? [];
    expect(tags.filter((tag) => tag.startsWith('scope:'))).toHaveLength(1);
    expect(tags.filter((tag) => tag.startsWith('type:'))).toHaveLength(1);
    expect(Object.keys(project.targets ?? {})).toContain('lint');
  });
});
