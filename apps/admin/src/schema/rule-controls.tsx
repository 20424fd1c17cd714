import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { Button, Checkbox, Chip, FormControlLabel, IconButton, ListItemText, MenuItem, TextField, Tooltip } from '@mui/material';
import type { ReactNode } from 'react';
import type { ActionProps, ControlElementsProp, FullField, NotToggleProps, Option, ValueEditorProps, ValueSelectorProps } from 'react-querybuilder';
import { ruleKindOf, storedRuleValue } from './rule-fields';

/** Flat options (the rule subjects have no option groups). */
function flatOptions(options: ValueSelectorProps['options']): Option[] {
  return options.flatMap((option) => ('options' in option && Array.isArray(option.options) ? (option.options as Option[]) : [option as Option]));
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' && value !== '' ? value.split(',') : [];
}

/** A stored single value as its option's name: true → "true", 3 → "3". */
function asName(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

interface RuleSelectProps {
  options: Option[];
  value: unknown;
  onChange(value: string | string[]): void;
  multiple?: boolean;
  title?: string;
  disabled?: boolean;
  testID?: string;
}

/** Fields, operators, combinators and values: a small MUI select, labelled by its title. */
function RuleSelect({ options: flat, value, onChange: handleOnChange, multiple, title, disabled, testID }: RuleSelectProps) {
  const labelOf = (name: string): ReactNode => flat.find((option) => option.name === name)?.label ?? name;
  if (multiple) {
    const selected = asList(value);
    return (
      <TextField
        select
        size="small"
        label={title}
        value={selected}
        disabled={disabled}
        data-testid={testID}
        fullWidth={false}
        margin="none"
        sx={{ minWidth: 220, maxWidth: 480 }}
        slotProps={{
          select: {
            multiple: true,
            renderValue: (names) => (
              <span style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                {(names as string[]).map((name) => (
                  <Chip key={name} size="small" label={labelOf(name)} />
                ))}
              </span>
            ),
          },
        }}
        onChange={(event) => {
          const next: unknown = event.target.value;
          handleOnChange(Array.isArray(next) ? next : String(next).split(','));
        }}
      >
        {flat.map((option) => (
          <MenuItem key={option.name} value={option.name}>
            <Checkbox size="small" checked={selected.includes(option.name)} sx={{ p: 0, mr: 1 }} />
            <ListItemText primary={option.label} />
          </MenuItem>
        ))}
      </TextField>
    );
  }
  return (
    <TextField
      select
      size="small"
      label={title}
      value={flat.some((option) => option.name === asName(value)) ? asName(value) : ''}
      disabled={disabled}
      data-testid={testID}
      fullWidth={false}
      margin="none"
      sx={{ minWidth: 160 }}
      onChange={(event) => handleOnChange(event.target.value)}
    >
      {flat.map((option) => (
        <MenuItem key={option.name} value={option.name}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

function MuiValueSelector({ options, value, handleOnChange, multiple, title, disabled, testID }: ValueSelectorProps) {
  return (
    <RuleSelect options={flatOptions(options)} value={value} onChange={handleOnChange} multiple={multiple} title={title} disabled={disabled} testID={testID} />
  );
}

/**
 * Values: a select (one) or a multi-select (several), showing the stored value whatever its
 * JSON type and writing back that type. Operators that take none (unary) get no editor.
 */
function MuiValueEditor({ type, value, handleOnChange, values, title, disabled, testID, fieldData }: ValueEditorProps) {
  return (
    <RuleSelect
      options={(values ?? []) as Option[]}
      value={value}
      onChange={(chosen) => handleOnChange(storedRuleValue(ruleKindOf(fieldData), chosen, value))}
      multiple={type === 'multiselect'}
      title={title}
      disabled={disabled}
      testID={testID}
    />
  );
}

function MuiAction({ label, title, handleOnClick, disabled, testID }: ActionProps) {
  return (
    <Button size="small" startIcon={<AddIcon />} onClick={(event) => handleOnClick(event)} disabled={disabled} title={title} data-testid={testID}>
      {label}
    </Button>
  );
}

function MuiRemove({ title, handleOnClick, disabled, testID }: ActionProps) {
  return (
    <Tooltip title={title ?? ''}>
      <span>
        <IconButton size="small" aria-label={title} onClick={(event) => handleOnClick(event)} disabled={disabled} data-testid={testID}>
          <DeleteOutlineIcon fontSize="small" />
        </IconButton>
      </span>
    </Tooltip>
  );
}

function MuiNotToggle({ checked, handleOnChange, label, disabled, testID }: NotToggleProps) {
  return (
    <FormControlLabel
      data-testid={testID}
      disabled={disabled}
      control={<Checkbox size="small" checked={!!checked} onChange={(event) => handleOnChange(event.target.checked)} />}
      label={label}
    />
  );
}

/** react-querybuilder's controls as small MUI elements (its MUI package lags behind its core). */
export const MUI_RULE_CONTROLS: ControlElementsProp<FullField, string> = {
  valueSelector: MuiValueSelector,
  valueEditor: MuiValueEditor,
  actionElement: MuiAction,
  removeRuleAction: MuiRemove,
  removeGroupAction: MuiRemove,
  notToggle: MuiNotToggle,
};
