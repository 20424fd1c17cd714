import type { ImportJob } from '@zizhu/schema';
import { Alert, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { apiErrorMessage } from '../providers/api-error';
import { changeMapping } from './import-api';

const IGNORE = '';

export interface MappingEditorProps {
  job: ImportJob;
  /** Mapping can change while the file is checked or awaiting confirmation, not later. */
  editable: boolean;
  onChanged(): void;
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The detected header → field matching; changing a row sends the whole mapping back. */
export function MappingEditor({ job, editable, onChanged }: MappingEditorProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const { columns, headerRow } = job.mapping;
  const labelOf = new Map(job.fields.map((field) => [field.key, field.label]));

  const change = async (index: number, field: string | null): Promise<void> => {
    const next = Object.fromEntries(
      columns.map((column) => [String(column.index), column.index === index ? field : column.field]),
    );
    setPending(true);
    try {
      await changeMapping(job.id, next);
      onChanged();
    } catch (error) {
      const message = apiErrorMessage(error) ?? translate('zizhu.import.mappingFailed');
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setPending(false);
    }
  };

  const mapped = columns.map((column) => column.field).filter((field): field is string => field !== null);
  const missing = job.fields.filter((field) => field.required && !mapped.includes(field.key)).map((field) => field.label);
  const duplicated = [...new Set(mapped.filter((field, i) => mapped.indexOf(field) !== i))].map(
    (field) => labelOf.get(field) ?? field,
  );

  return (
    <section data-testid="import-mapping">
      <Typography variant="h6" component="h2">
        {translate('zizhu.import.mappingTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate('zizhu.import.mappingHint', { row: headerRow })}
      </Typography>
      {missing.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('zizhu.import.missingRequired', { fields: missing.join(translate('zizhu.listSeparator')) })}
        </Alert>
      )}
      {duplicated.map((label) => (
        <Alert key={label} severity="warning" sx={{ mb: 1 }}>
          {translate('zizhu.import.duplicateField', { field: label })}
        </Alert>
      ))}
      <Table size="small" sx={{ maxWidth: 720 }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 56 }}>{translate('zizhu.import.mappingColumn')}</TableCell>
            <TableCell>{translate('zizhu.import.mappingHeader')}</TableCell>
            <TableCell sx={{ width: 280 }}>{translate('zizhu.import.mappingField')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {columns.map((column) => (
            <TableRow key={column.index} data-column={column.index}>
              <TableCell>{columnLetter(column.index)}</TableCell>
              <TableCell>{column.header}</TableCell>
              <TableCell>
                <TextField
                  select
                  variant="outlined"
                  size="small"
                  fullWidth
                  disabled={!editable || pending}
                  value={column.field ?? IGNORE}
                  onChange={(event) => void change(column.index, event.target.value === IGNORE ? null : event.target.value)}
                  slotProps={{
                    htmlInput: { 'aria-label': translate('zizhu.import.mappingFieldFor', { header: column.header }) },
                    select: { displayEmpty: true },
                  }}
                  sx={column.field === null ? { '& .MuiSelect-select': { color: 'text.secondary' } } : undefined}
                >
                  <MenuItem value={IGNORE}>
                    <em>{translate('zizhu.import.ignoreColumn')}</em>
                  </MenuItem>
                  {job.fields.map((field) => (
                    <MenuItem key={field.key} value={field.key}>
                      {field.required ? `${field.label} *` : field.label}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
