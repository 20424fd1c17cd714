import { isMasked, normalizeIdNumber, type FieldSchema, type ResourceSchema } from '@zizhu/schema';
import { cloneElement, useEffect, useMemo, type ReactElement } from 'react';
import {
  BulkDeleteButton,
  Create,
  Datagrid,
  DeleteWithConfirmButton,
  Edit,
  EditButton,
  Labeled,
  List,
  SaveButton,
  Show,
  SimpleForm,
  SimpleShowLayout,
  Toolbar,
  TopToolbar,
  useRecordContext,
  useRedirect,
  useResourceContext,
  type Identifier,
  type RaRecord,
} from 'react-admin';
import { useSessionUser } from '../providers/use-session-user';
import { RecordPageTitle } from './coded-fields';
import { FieldDisplay } from './field-display';
import { useFieldFilters } from './field-filters';
import { FieldInput, type FormMode } from './field-input';
import { RecordHistoryPanel } from './record-history-panel';
import { resourceExtension } from './resource-extensions';
import { ResourceListActions } from './resource-list-actions';
import { useSaveErrorHandler } from './use-save-error';
import { WhenWritable } from './when-writable';

interface ResourceViewProps {
  schema: ResourceSchema;
}

const displayable = (field: FieldSchema): boolean =>
  !field.writeOnly && !field.filterOnly && field.type !== 'password' && field.display !== 'ownView';

/** An extension's bulk actions (for the users who may take them) beside delete; false: no selection at all. */
function bulkActionButtons(schema: ResourceSchema, role: string | undefined): ReactElement | false {
  const extra = resourceExtension(schema.name).bulkActions?.(schema, role);
  const remove = schema.can.delete ? <BulkDeleteButton mutationMode="pessimistic" /> : undefined;
  if (!extra && !remove) return false;
  return (
    <>
      {extra}
      {remove}
    </>
  );
}

export function ResourceList({ schema }: ResourceViewProps) {
  const filters = useFieldFilters(schema);
  const extension = resourceExtension(schema.name);
  const user = useSessionUser();
  return (
    <List
      filters={filters}
      sort={schema.defaultSort}
      perPage={25}
      exporter={false}
      actions={<ResourceListActions schema={schema} hasFilters={filters.length > 0} />}
    >
      <Datagrid
        rowClick={rowClick(schema)}
        bulkActionButtons={bulkActionButtons(schema, user?.role)}
        // Records read from above the user's region take no bulk action (delete would be refused).
        isRowSelectable={(record) => record.writable !== false}
      >
        {schema.fields
          .filter((field) => field.list && displayable(field))
          .map((field) => keyed(field, extension.fieldDisplay?.(field)) ?? <FieldDisplay key={field.key} source={field.key} sortable={field.sort} field={field} />)}
      </Datagrid>
    </List>
  );
}

/**
 * Rows open where an extension says (an import opens its job page); a record read from
 * above the user's region (`writable: false`) opens read-only.
 */
function rowClick(schema: ResourceSchema): 'show' | ((id: Identifier, resource: string, record: RaRecord) => string) {
  const opens = resourceExtension(schema.name).rowClick;
  if (opens) return (id) => opens(id);
  if (!schema.can.update) return 'show';
  return (_id, _resource, record) => (record.writable === false ? 'show' : 'edit');
}

export function ResourceShow({ schema }: ResourceViewProps) {
  const extension = resourceExtension(schema.name);
  const ExtraActions = extension.showActions;
  const Aside = extension.showAside;
  const Panels = extension.showPanels;
  const actions =
    ExtraActions || schema.can.update ? (
      // react-admin's default actions would offer 编辑 on records the user may only read.
      <TopToolbar>
        {ExtraActions && <ExtraActions schema={schema} />}
        {schema.can.update && (
          <WhenWritable>
            <EditButton />
          </WhenWritable>
        )}
      </TopToolbar>
    ) : undefined;
  return (
    <Show actions={actions} aside={Aside ? <Aside /> : undefined} title={pageTitle(schema)}>
      <RecordFields schema={schema} />
      {Panels && <Panels />}
      <RecordHistoryPanel schema={schema} />
    </Show>
  );
}

/**
 * A record's page lists what the record holds: a field with no value (a clue not yet
 * reviewed, an inspection never reopened, a student it is not about) is left out rather than
 * shown as a bare label; `false` and 0 are values. A display a feature registered decides
 * for itself what an empty value shows (提交后显示评分). Editing is where empty fields get filled.
 */
function RecordFields({ schema }: ResourceViewProps) {
  const record = useRecordContext();
  const extension = resourceExtension(schema.name);
  return (
    <SimpleShowLayout>
      {schema.fields.filter(displayable).flatMap((field) => {
        const registered = keyed(field, extension.fieldDisplay?.(field));
        if (registered) return [registered];
        return hasValue(record?.[field.key]) ? [<FieldDisplay key={field.key} source={field.key} field={field} reveal />] : [];
      })}
    </SimpleShowLayout>
  );
}

/** Null, undefined, '' and an empty list or object hold nothing to show. */
function hasValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

export function ResourceEdit({ schema }: ResourceViewProps) {
  const transform = useMemo(() => writablePayload(schema, 'edit'), [schema]);
  const onError = useSaveErrorHandler(schema, 'edit');
  const { editActions: EditActions, editPanels: Panels } = resourceExtension(schema.name);
  return (
    // Pessimistic: the server's 409 / 422 answers must reach the form, not an undo toast.
    <Edit
      mutationMode="pessimistic"
      transform={transform}
      mutationOptions={{ onError }}
      title={pageTitle(schema)}
      redirect="list"
      actions={
        EditActions ? (
          <TopToolbar>
            <EditActions />
          </TopToolbar>
        ) : undefined
      }
    >
      <ShowWhenNotWritable />
      <SimpleForm toolbar={<FormToolbar canDelete={schema.can.delete} />} sx={{ maxWidth: 720 }}>
        {formFields(schema, 'edit')}
      </SimpleForm>
      {Panels && <Panels />}
    </Edit>
  );
}

export function ResourceCreate({ schema }: ResourceViewProps) {
  const transform = useMemo(() => writablePayload(schema, 'create'), [schema]);
  const defaults = useMemo(() => createDefaults(schema), [schema]);
  const onError = useSaveErrorHandler(schema, 'create');
  // A created record opens (every generated resource has a show page): the officer sees what was saved and what comes next.
  return (
    <Create transform={transform} mutationOptions={{ onError }} redirect={resourceExtension(schema.name).createRedirect ?? 'show'}>
      <SimpleForm toolbar={<FormToolbar canDelete={false} />} sx={{ maxWidth: 720 }} defaultValues={defaults}>
        {formFields(schema, 'create')}
      </SimpleForm>
    </Create>
  );
}

/** A record the user may only read (`writable: false`, e.g. by an old link to its edit page) opens read-only. */
function ShowWhenNotWritable() {
  const record = useRecordContext();
  const resource = useResourceContext();
  const redirect = useRedirect();
  const readOnly = record?.writable === false;
  useEffect(() => {
    if (readOnly && record) redirect('show', resource, record.id);
  }, [readOnly, record, resource, redirect]);
  return null;
}

/** Records named by several fields get a title of their own; the rest keep react-admin's (name：recordLabel). */
function pageTitle(schema: ResourceSchema): ReactElement | undefined {
  return schema.recordTitle?.length ? <RecordPageTitle schema={schema} /> : undefined;
}

function FormToolbar({ canDelete }: { canDelete: boolean }) {
  const record = useRecordContext();
  if (record?.writable === false) return null;
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {canDelete && <DeleteWithConfirmButton mutationMode="pessimistic" />}
    </Toolbar>
  );
}

/** An extension's element for a field, keyed like the generated ones (layouts read its props, so no wrapper). */
function keyed(field: FieldSchema, element: ReactElement | undefined): ReactElement | undefined {
  return element && cloneElement(element, { key: field.key });
}

/** What a create form starts with: the declared defaults of the fields the user sets (e.g. the default approval chain). */
function createDefaults(schema: ResourceSchema): Record<string, unknown> {
  return Object.fromEntries(
    schema.fields
      .filter((field) => !field.readOnly && field.defaultValue !== undefined)
      // Lists are copied: the form edits its own items, never the schema's.
      .map((field) => [field.key, structuredClone(field.defaultValue)]),
  );
}

/**
 * Inputs for what the user may set; on edit, what they may not is shown as text. A read-only
 * JSON field shows through the display its feature registered (as on the record's page), and
 * only when the record has a value; free JSON with no display of its own is left out (its
 * raw text is for no one: the record's page shows what the feature made of it).
 */
function formFields(schema: ResourceSchema, mode: FormMode): ReactElement[] {
  const extension = resourceExtension(schema.name);
  return schema.fields.flatMap((field) => {
    if (!field.readOnly) {
      return [keyed(field, extension.fieldInput?.(field, mode)) ?? <FieldInput key={field.key} source={field.key} field={field} mode={mode} />];
    }
    if (mode === 'create' || !displayable(field)) return [];
    if (field.type === 'json') {
      const registered = extension.fieldDisplay?.(field);
      if (registered) return [<ReadOnlyJsonField key={field.key} source={field.key} display={registered} />];
      if (isFreeJson(field)) return [];
    }
    return [
      <Labeled key={field.key} source={field.key}>
        <FieldDisplay source={field.key} field={field} reveal />
      </Labeled>,
    ];
  });
}

/** JSON the generic widgets can only print as it is stored (no declared shape, no display hint). */
const isFreeJson = (field: FieldSchema): boolean => field.type === 'json' && !field.shape && !field.display;

/** A read-only JSON field on an edit form, through its registered display; nothing while the record has no value. */
function ReadOnlyJsonField({ source, display }: { source: string; display: ReactElement }) {
  const record = useRecordContext();
  if (!hasValue(record?.[source])) return null;
  return <Labeled source={source}>{display}</Labeled>;
}

/**
 * The body of a create or update: the fields the user may set, plus `id` and `version` on
 * update (a stale version gets a 409). Masked values and empty write-only fields (a password
 * left blank) are left out: the server keeps what it has.
 */
export function writablePayload(schema: ResourceSchema, mode: FormMode) {
  return (data: RaRecord): Record<string, unknown> => {
    const body: Record<string, unknown> = {};
    if (mode === 'edit') {
      body.id = data.id;
      if (schema.versioned) body.version = data.version;
    }
    for (const field of schema.fields) {
      const value: unknown = data[field.key];
      if (field.readOnly || value === undefined) continue;
      if (mode === 'edit' && field.immutable) continue;
      if (field.writeOnly && (value === null || value === '')) continue;
      if (field.sensitive && isMasked(value)) continue;
      body[field.key] = field.type === 'idNumber' && typeof value === 'string' ? normalizeIdNumber(value) : value;
    }
    return body;
  };
}
