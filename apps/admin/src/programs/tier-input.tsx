import type { FieldSchema } from '@zizhu/schema';
import { useMemo } from 'react';
import { SelectInput, useGetOne, useResourceContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { FieldInput, type FormMode } from '../schema/field-input';
import { fieldValidators } from '../schema/field-validators';
import { fieldHelpKey } from '../schema/schema-messages';
import { ROSTERS_RESOURCE } from './roster-api';
import { rosterTiers, tierChoices } from './roster-tiers';

/**
 * An entry's tier chosen among its roster's tiers (with their amounts) instead of typed as a
 * code; before a roster is chosen, the declared text input.
 */
export function TierInput({ field, mode }: { field: FieldSchema; mode: FormMode }) {
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const rosterId: unknown = useWatch({ name: 'rosterId' });
  const enabled = typeof rosterId === 'number' || (typeof rosterId === 'string' && rosterId !== '');
  const { data: roster } = useGetOne(ROSTERS_RESOURCE, { id: enabled ? (rosterId as string | number) : '' }, { enabled });
  const validate = useMemo(() => fieldValidators(resource, field, mode), [resource, field, mode]);
  const choices = tierChoices(rosterTiers(roster?.tiers), translate);
  if (choices.length === 0) return <FieldInput field={field} mode={mode} source={field.key} />;
  return (
    <SelectInput
      source={field.key}
      choices={choices}
      translateChoice={false}
      validate={validate}
      helperText={field.help ? fieldHelpKey(resource, field.key) : false}
    />
  );
}
