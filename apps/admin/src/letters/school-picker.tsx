import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { type RaRecord, useGetList, useTranslate } from 'react-admin';

const SCHOOLS_RESOURCE = 'schools';

export interface SchoolPickerProps {
  value: RaRecord | null;
  onChange(school: RaRecord | null): void;
  /** Shown under the input (what leaving it empty means), or the API's message on it. */
  helperText?: string;
  error?: boolean;
}

/** A school of the user's region, searched by the start of its name. */
export function SchoolPicker({ value, onChange, helperText, error }: SchoolPickerProps) {
  const translate = useTranslate();
  const [search, setSearch] = useState('');
  const { data = [], isPending } = useGetList(SCHOOLS_RESOURCE, { filter: search ? { q: search } : {}, pagination: { page: 1, perPage: 50 }, sort: { field: 'name', order: 'ASC' } });
  return (
    <Autocomplete
      options={data}
      value={value}
      loading={isPending}
      getOptionLabel={(school) => String(school.name ?? '')}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(options) => options}
      onInputChange={(_event, text, reason) => reason === 'input' && setSearch(text)}
      onChange={(_event, school) => onChange(school)}
      renderInput={(params) => <TextField {...params} margin="dense" label={translate('zizhu.letters.school')} helperText={helperText} error={error} />}
    />
  );
}
