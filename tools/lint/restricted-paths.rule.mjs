import { dirname, relative, resolve } from 'node:path';

/**
 * Layers inside one project, which Nx's project-level rule cannot see: a zone's files may
 * not import from the zone's `forbidden` folders (except those in `except`). Relative
 * imports and the `@zizhu/api/*` alias are resolved to workspace paths first, so
 * `../database/copy-loader` (engine/database) and `../../database/migrations`
 * (src/database) are told apart.
 *
 * Options: `{ root, aliases: { '@zizhu/api/': 'apps/api/src/' }, zones: [{ target, forbidden, except?, message }] }`,
 * every path relative to `root`.
 */
export const restrictedPathsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep generic layers from importing the features built on them' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          aliases: { type: 'object', additionalProperties: { type: 'string' } },
          zones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                target: { type: 'array', items: { type: 'string' } },
                forbidden: { type: 'array', items: { type: 'string' } },
                except: { type: 'array', items: { type: 'string' } },
                message: { type: 'string' },
              },
              required: ['target', 'forbidden', 'message'],
              additionalProperties: false,
            },
          },
        },
        required: ['root', 'zones'],
        additionalProperties: false,
      },
    ],
    messages: { restricted: '{{file}} may not import {{imported}}: {{message}}' },
  },
  create(context) {
    const { root, aliases = {}, zones } = context.options[0];
    const file = relative(root, context.filename);
    const active = zones.filter((zone) => zone.target.some((folder) => within(file, folder)));
    if (active.length === 0) return {};

    function check(node) {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const imported = resolveImport(source.value, context.filename, root, aliases);
      if (imported === undefined) return;
      for (const zone of active) {
        const hit = zone.forbidden.some((folder) => within(imported, folder)) && !(zone.except ?? []).some((folder) => within(imported, folder));
        if (hit) context.report({ node: source, messageId: 'restricted', data: { file, imported, message: zone.message } });
      }
    }

    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

/** Workspace-relative path of an import, or undefined for a package import. */
function resolveImport(specifier, filename, root, aliases) {
  if (specifier.startsWith('.')) return relative(root, resolve(dirname(filename), specifier));
  const alias = Object.keys(aliases).find((prefix) => specifier.startsWith(prefix));
  return alias === undefined ? undefined : aliases[alias] + specifier.slice(alias.length);
}

/** Whether `path` (with or without its extension) is `folder` or lies under it. */
function within(path, folder) {
  const bare = folder.replace(/\.(ts|tsx)$/, '');
  return path === folder || path === bare || path.startsWith(`${bare}/`);
}
