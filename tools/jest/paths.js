// Maps tsconfig.base.json path aliases to jest moduleNameMapper entries.
const { compilerOptions } = require('../../tsconfig.base.json');
const path = require('path');

function pathsToModuleNameMapper() {
  const root = path.resolve(__dirname, '../..');
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    if (alias.endsWith('/*')) {
      mapper[`^${alias.slice(0, -2)}/(.*)$`] = path.join(root, target.slice(0, -2), '$1');
    } else {
      mapper[`^${alias}$`] = path.join(root, target);
    }
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
