// Prepares the PostgreSQL server and the seeded template database the specs clone.
// Global setup runs outside jest's module system, so TypeScript and the path aliases are
// registered here the same way `nx run api:serve` does at runtime.
const path = require('path');
const { compilerOptions } = require('../../tsconfig.base.json');
process.env.SWC_NODE_PROJECT = path.join(__dirname, '../../apps/api/tsconfig.json');
require('@swc-node/register');
require('tsconfig-paths').register({ baseUrl: path.join(__dirname, '../..'), paths: compilerOptions.paths });
const { prepareTestServer } = require('../../apps/api/src/testing/test-server.ts');

module.exports = async () => {
  const server = await prepareTestServer();
  process.env.ZIZHU_TEST_SERVER_URL = server.serverUrl;
  globalThis.__zizhuTestServer = server;
};
