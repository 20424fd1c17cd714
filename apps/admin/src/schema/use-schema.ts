import type { ResourceSchema, SchemaPayload } from '@zizhu/schema';
import { usePermissions } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';
import { registerSchemaMessages } from '../providers/i18n-provider';
import { buildSchemaMessages } from './schema-messages';

let cached: Promise<SchemaPayload> | null = null;

/** `GET /api/schema` once per login; its labels become i18n messages before any view renders. */
export function loadSchema(): Promise<SchemaPayload> {
  cached ??= httpClient<SchemaPayload>(`${API_URL}/schema`)
    .then(({ json }) => {
      registerSchemaMessages({ zh: buildSchemaMessages(json, 'zh'), en: buildSchemaMessages(json, 'en') });
      return json;
    })
    .catch((error: unknown) => {
      cached = null;
      throw error;
    });
  return cached;
}

export function clearSchema(): void {
  cached = null;
}

/** The schema of the logged-in user (react-admin keeps it as the auth permissions). */
export function useSchema(): SchemaPayload | undefined {
  const { permissions } = usePermissions<SchemaPayload | null>();
  return permissions ?? undefined;
}

export function useResourceSchema(name: string): ResourceSchema | undefined {
  return useSchema()?.resources.find((resource) => resource.name === name);
}
