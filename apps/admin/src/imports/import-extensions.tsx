import type { ResourceExtension } from '../schema/resource-extensions';
import { importJobPath, IMPORTS_RESOURCE } from './import-api';
import { OpenJobButton } from './open-job-button';

/** An import (history) opens its job page (mapping, errors, commit), not a plain record view. */
export const IMPORT_EXTENSIONS: Record<string, ResourceExtension> = {
  [IMPORTS_RESOURCE]: { rowClick: (id) => importJobPath(id), showActions: OpenJobButton },
};
