import { Box, Typography } from '@mui/material';
import { isMasked, maskValue, type FieldSchema, type ResourceSchema } from '@zizhu/schema';
import { Fragment } from 'react';
import { type OptionText, type RaRecord, ReferenceField, useRecordContext } from 'react-admin';

/** How an AutocompleteInput over `target` shows, fills in and searches its options. */
export interface ReferenceOptionProps {
  optionText: OptionText;
  inputText?: (record: RaRecord) => string;
  matchSuggestion?: () => boolean;
  filterToQuery: (q: string) => Record<string, unknown>;
}

/**
 * Every reference input's options, from the target's declaration: the record label alone,
 * or — when the target declares `optionFields` (students) — those fields on one line, so
 * namesakes can be told apart. Typing searches the target's `q` (a student's name prefix or
 * full ID number); the server has filtered, so every suggestion it sends matches.
 */
export function referenceOptionProps(target: ResourceSchema): ReferenceOptionProps {
  const searchable = target.fields.some((field) => field.search);
  const filterToQuery = (q: string) => (searchable && q ? { q } : {});
  const fields = (target.optionFields ?? []).map((key) => target.fields.find((field) => field.key === key)).filter((f): f is FieldSchema => !!f);
  if (fields.length < 2) return { optionText: target.recordLabel, filterToQuery };
  return {
    // react-admin renders the element inside each option's record context.
    optionText: (<ReferenceOptionText fields={fields} />) as OptionText,
    inputText: (record) => String(record[target.recordLabel] ?? record.id),
    matchSuggestion: () => true,
    filterToQuery,
  };
}

function ReferenceOptionText({ fields }: { fields: FieldSchema[] }) {
  const record = useRecordContext();
  if (!record) return null;
  const [first, ...rest] = fields;
  const parts = rest.filter((field) => record[field.key] != null && record[field.key] !== '');
  return (
    <Box component="span" data-testid="reference-option">
      <Typography component="span" sx={{ fontWeight: 500 }}>
        {String(record[first.key] ?? record.id)}
      </Typography>
      {parts.map((field) => (
        <Fragment key={field.key}>
          <Typography component="span" variant="body2" color="text.secondary">
            {' · '}
          </Typography>
          <Typography component="span" variant="body2" color="text.secondary">
            <OptionPart field={field} record={record} />
          </Typography>
        </Fragment>
      ))}
    </Box>
  );
}

/** A picker is not a reveal: sensitive values are masked whatever the role; references by name. */
function OptionPart({ field, record }: { field: FieldSchema; record: RaRecord }) {
  const value = record[field.key];
  if (field.type === 'reference' && field.reference) {
    return <ReferenceField source={field.key} reference={field.reference} link={false} record={record} />;
  }
  if (field.sensitive && typeof value === 'string') return <>{isMasked(value) ? value : maskValue(field.sensitive.mask, value)}</>;
  return <>{String(value)}</>;
}
