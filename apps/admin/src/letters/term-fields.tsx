import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { LETTER_TERMS } from './letters-api';

const TERM_LABEL: Record<(typeof LETTER_TERMS)[number], string> = { spring: 'termSpring', autumn: 'termAutumn', yearly: 'termYearly' };

export interface TermFieldsProps {
  year: number;
  term: string;
  onChange(value: { year: number; term: string }): void;
  errors?: Record<string, string>;
}

/** 年度 and 学期 side by side. */
export function TermFields({ year, term, onChange, errors = {} }: TermFieldsProps) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={2}>
      <TextField
        margin="dense"
        type="number"
        label={translate('zizhu.letters.year')}
        value={year}
        onChange={(e) => onChange({ year: Number(e.target.value), term })}
        error={Boolean(errors.year)}
        helperText={errors.year}
        slotProps={{ htmlInput: { min: 2000, max: 2100, 'data-testid': 'letters-year' } }}
      />
      <TextField
        select
        margin="dense"
        label={translate('zizhu.letters.term')}
        value={term}
        onChange={(e) => onChange({ year, term: e.target.value })}
        error={Boolean(errors.term)}
        helperText={errors.term}
        sx={{ minWidth: 160 }}
        slotProps={{ htmlInput: { 'data-testid': 'letters-term' } }}
      >
        {LETTER_TERMS.map((value) => (
          <MenuItem key={value} value={value}>
            {translate(`zizhu.letters.${TERM_LABEL[value]}`)}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
