// One jest run, several projects: `jest --selectProjects <name>` runs one of them.
// @swc/jest compiles TypeScript with decorator metadata (NestJS needs it) and the
// tsconfig path aliases, so tests import '@zizhu/schema' exactly like the code does.
const { pathsToModuleNameMapper } = require('./tools/jest/paths');

const transform = {
  '^.+\\.tsx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true, tsx: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

// The panel's libraries that ship only ES modules, compiled to CommonJS for jest like our code.
const ESM_PACKAGES = ['react-hotkeys-hook'];
const esmTransform = {
  '^.+\\.m?js$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};

const project = (name, roots, extra = {}) => ({
  displayName: name,
  rootDir: __dirname,
  roots,
  transform,
  moduleNameMapper: pathsToModuleNameMapper(),
  testEnvironment: 'node',
  ...extra,
});

module.exports = {
  // A global option: jest ignores testTimeout inside `projects` (the 5 s default applied there).
  // Integration suites clone a database and boot the app; on a busy 2-core machine that takes seconds.
  testTimeout: 60_000,
  projects: [
    ...['schema', 'regions', 'students', 'access', 'imports', 'identities', 'programs', 'checks', 'plans', 'outreach', 'demo-data'].map((lib) =>
      project(lib, [`<rootDir>/libs/${lib}`], { testMatch: ['**/*.spec.ts'] }),
    ),
    project('api', ['<rootDir>/apps/api'], {
      testMatch: ['**/*.spec.ts'],
      // Each integration suite clones a database and boots the app: seconds on a busy 2-core machine.
      testTimeout: 30_000,
      globalSetup: '<rootDir>/tools/jest/database-global-setup.js',
      globalTeardown: '<rootDir>/tools/jest/database-global-teardown.js',
    }),
    project('tools', ['<rootDir>/tools'], { testMatch: ['**/*.spec.ts'] }),
    // The panel's unit specs: components rendered in jsdom with react-admin's test helpers.
    project('admin', ['<rootDir>/apps/admin'], {
      testMatch: ['**/*.spec.ts?(x)'],
      testEnvironment: 'jsdom',
      transform: { ...transform, ...esmTransform },
      transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
      setupFiles: ['<rootDir>/apps/admin/src/testing/jsdom-setup.ts'],
    }),
    project('e2e', ['<rootDir>/tests'], {
      testMatch: ['**/*.e2e.spec.ts'],
      testTimeout: 60_000,
      globalSetup: '<rootDir>/tools/jest/database-global-setup.js',
      globalTeardown: '<rootDir>/tools/jest/database-global-teardown.js',
    }),
  ],
};
