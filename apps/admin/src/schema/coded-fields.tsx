import { codeLabel, parseFundExceptionKey, type FieldSchema, type ResourceSchema } from '@zizhu/schema';
import { Typography } from '@mui/material';
import { Fragment, type ReactNode } from 'react';
import { RecordContextProvider, ReferenceField, useGetManyAggregate, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { languageOf } from '../providers/locales';
import { useSchema } from './use-schema';

/** A code shown as the item of the referenced record's list that it names (a roster entry's T1 → 一档). */
export function CodeOfField({ field, resource }: { field: FieldSchema; resource: string }) {
  const record = useRecordContext();
  const schema = useSchema();
  const codeOf = field.codeOf!;
  const target = schema?.resources.find((r) => r.name === resource)?.fields.find((f) => f.key === codeOf.via)?.reference;
  const id = record?.[codeOf.via];
  const { data } = useGetManyAggregate(target ?? '', { ids: id == null ? [] : [id] }, { enabled: Boolean(target) && id != null });
  const value = record?.[field.key];
  if (value == null) return null;
  return (
    <Typography component="span" variant="body2" data-field={field.key}>
      {codeLabel(data?.[0]?.[codeOf.list], codeOf, value)}
    </Typography>
  );
}

/** An integer id kept without a foreign key (`links`): the record it names, linked, while it exists and the user may list it. */
export function LinkedRecordField({ field }: { field: FieldSchema }) {
  const readable = useSchema()?.resources.some((r) => r.name === field.links);
  if (!readable || !field.links) return <PlainId source={field.key} />;
  return <ReferenceField source={field.key} reference={field.links} link="show" emptyText="" />;
}

function PlainId({ source }: { source: string }) {
  const record = useRecordContext();
  const value = record?.[source];
  return value == null ? null : <span>{String(value)}</span>;
}

/** A record named by several of its fields (`recordTitle`): 韦子婷 · 义务教育家庭经济困难寄宿生生活补助. */
export function RecordTitle({ schema }: { schema: ResourceSchema }) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  if (!record) return null;
  const parts = (schema.recordTitle ?? []).flatMap((key): ReactNode[] => {
    const field = schema.fields.find((f) => f.key === key);
    if (!field || record[key] == null) return [];
    if (field.type === 'reference' && field.reference) {
      return [<ReferenceField key={key} source={key} reference={field.reference} link={false} />];
    }
    // An enum names its option (春季学期), not its code (spring).
    const option = field.type === 'enum' ? field.options?.find((o) => o.value === record[key]) : undefined;
    return [<span key={key}>{option ? option.label[languageOf(locale)] : String(record[key])}</span>];
  });
  if (!parts.length) return <span>{String(record[schema.recordLabel] ?? record.id)}</span>;
  return (
    <span data-record-title>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && ' · '}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

/** A reconciliation exception's key read out: 超下达发放 · 义务教育…补助 · 2026 春季学期 · 福绵区 · 中央. */
export function FundExceptionKeyField({ source }: { source: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const key = record?.[source];
  if (key == null || key === '') return null;
  const parts = parseFundExceptionKey(key);
  if (!parts) return <span>{String(key)}</span>;
  const kind = translate(`zizhu.funds.kinds.${parts.kind}`, { _: parts.kind });
  const reference = (field: string, resource: string) => <ReferenceField source={field} reference={resource} link={false} />;
  let details: ReactNode[];
  switch (parts.kind) {
    case 'overAllocation':
      details = [
        reference('programId', 'programs'),
        `${parts.year} ${translate(`zizhu.funds.terms.${parts.term}`, { _: parts.term })}`,
        parts.regionId ? reference('regionId', 'regions') : translate('zizhu.funds.cityLevel'),
        translate(`zizhu.funds.sources.${parts.source}`, { _: parts.source }),
      ];
      break;
    case 'paidTwice':
      details = [reference('programId', 'programs'), `${parts.year} ${translate(`zizhu.funds.terms.${parts.term}`, { _: parts.term })}`, reference('studentId', 'students')];
      break;
    default:
      details = [<Fragment key="line">{translate('resources.disbursements.name', { _: '' })} {reference('lineId', 'disbursements')}</Fragment>];
  }
  return (
    <RecordContextProvider value={{ id: String(key), ...parts }}>
      <Typography component="span" variant="body2" data-field={source}>
        {[kind, ...details].map((part, i) => (
          <Fragment key={i}>
            {i > 0 && ' · '}
            {part}
          </Fragment>
        ))}
      </Typography>
    </RecordContextProvider>
  );
}

/** A show or edit page's title for a resource named by several fields: 名单学生：韦子婷 · 义务教育…补助. */
export function RecordPageTitle({ schema }: { schema: ResourceSchema }) {
  const translate = useTranslate();
  return (
    <span>
      {translate('zizhu.recordTitle', { name: translate(`resources.${schema.name}.name`, { smart_count: 1 }) })}
      <RecordTitle schema={schema} />
    </span>
  );
}
