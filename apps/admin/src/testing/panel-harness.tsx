import type { FieldSchema, FieldType, ResourceSchema, SchemaPayload } from '@zizhu/schema';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import {
  AdminContext,
  Form,
  memoryStore,
  RecordContextProvider,
  ResourceContextProvider,
  ResourceDefinitionContextProvider,
  testDataProvider,
  type AuthProvider,
  type DataProvider,
  type RaRecord,
} from 'react-admin';
import { MemoryRouter } from 'react-router-dom';
import { registerFeatures } from '../features';
import { i18nProvider, registerSchemaMessages } from '../providers/i18n-provider';
import type { UiLocale } from '../providers/locales';
import { FieldDisplay } from '../schema/field-display';
import { FieldInput, type FormMode } from '../schema/field-input';
import { buildSchemaMessages } from '../schema/schema-messages';

/**
 * Helpers for the panel's specs: a field or resource as `GET /api/schema` describes it, and a
 * react-admin context around what a spec renders (the real i18n provider with the schema's
 * labels registered, a test data provider, the schema as the user's permissions).
 */

// As app.tsx does at start: the features' messages and extensions (attachment texts, the
// reconciliation exception's names) are what the generic widgets show.
registerFeatures();

export function fieldSchema(key: string, type: FieldType, overrides: Partial<FieldSchema> = {}): FieldSchema {
  return {
    key,
    type,
    label: { zh: `${key}标签`, en: `${key} label` },
    required: false,
    readOnly: false,
    immutable: false,
    list: false,
    sort: false,
    search: false,
    writeOnly: false,
    ...overrides,
  };
}

export function resourceSchema(name: string, fields: FieldSchema[], overrides: Partial<ResourceSchema> = {}): ResourceSchema {
  return {
    name,
    label: { zh: `${name}资源`, en: `${name} resource` },
    recordLabel: 'name',
    idType: 'integer',
    fields,
    can: { list: true, create: true, update: true, delete: true },
    defaultSort: { field: 'id', order: 'DESC' },
    versioned: false,
    audited: false,
    importable: false,
    ...overrides,
  };
}

export const TEST_RESOURCE = 'widgets';

export interface PanelOptions {
  /** The fields of the resource under test (`widgets`). */
  fields: FieldSchema[];
  /** Other resources the user may list (reference targets). */
  others?: ResourceSchema[];
  locale?: UiLocale;
  dataProvider?: DataProvider;
  /** Where the panel starts (for views that read the route, like an edit page's id). */
  url?: string;
}

function schemaOf({ fields, others = [] }: PanelOptions): SchemaPayload {
  return {
    user: { id: 1, username: 'tester', displayName: '测试', role: 'admin', scopePath: '450900.', scopeLabel: '玉林市' },
    resources: [resourceSchema(TEST_RESOURCE, fields), ...others],
    pages: [],
  };
}

/** What the app's `<Resource>`s register: references show their target's record label and link to its show page. */
function definitionsOf(schema: SchemaPayload) {
  return Object.fromEntries(
    schema.resources.map((resource) => [
      resource.name,
      { name: resource.name, recordRepresentation: resource.recordLabel, hasList: true, hasShow: true, hasEdit: true, hasCreate: true },
    ]),
  );
}

function authProviderFor(schema: SchemaPayload): AuthProvider {
  return {
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getPermissions: async () => schema,
  };
}

/** Renders `ui` inside the panel's contexts, on the `widgets` resource, in the given language. */
export async function renderInPanel(ui: ReactNode, options: PanelOptions): Promise<RenderResult> {
  const schema = schemaOf(options);
  registerSchemaMessages({ zh: buildSchemaMessages(schema, 'zh'), en: buildSchemaMessages(schema, 'en') });
  await i18nProvider.changeLocale(options.locale ?? 'zh-CN');
  return render(
    <MemoryRouter initialEntries={[options.url ?? '/']} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <AdminContext
        dataProvider={options.dataProvider ?? testDataProvider()}
        authProvider={authProviderFor(schema)}
        i18nProvider={i18nProvider}
        store={memoryStore()}
      >
        <ResourceDefinitionContextProvider definitions={definitionsOf(schema)}>
          <ResourceContextProvider value={TEST_RESOURCE}>{ui}</ResourceContextProvider>
        </ResourceDefinitionContextProvider>
      </AdminContext>
    </MemoryRouter>,
  );
}

export interface InputOptions extends Partial<PanelOptions> {
  mode?: FormMode;
  record?: Partial<RaRecord>;
  onSubmit?: (values: Record<string, unknown>) => void;
}

export const SUBMIT = 'submit-form';

/** One generated input in a form (with a submit button named `SUBMIT`), as in a create or edit view. */
export function renderFieldInput(field: FieldSchema, { mode = 'create', record, onSubmit = () => undefined, ...options }: InputOptions = {}) {
  return renderInPanel(
    <Form record={record} onSubmit={onSubmit}>
      <FieldInput field={field} mode={mode} source={field.key} />
      <button type="submit">{SUBMIT}</button>
    </Form>,
    { fields: [field], ...options },
  );
}

export interface DisplayOptions extends Partial<PanelOptions> {
  reveal?: boolean;
}

/** One generated display of `record`, as in a list row or a show page. */
export function renderFieldDisplay(field: FieldSchema, record: Partial<RaRecord>, { reveal, ...options }: DisplayOptions = {}) {
  return renderInPanel(
    <RecordContextProvider value={{ id: 1, ...record }}>
      <div data-testid="display">
        <FieldDisplay field={field} source={field.key} reveal={reveal} />
      </div>
    </RecordContextProvider>,
    { fields: [field], ...options },
  );
}
