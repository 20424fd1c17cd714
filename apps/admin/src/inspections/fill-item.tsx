import { configuredFieldSchema, type ChecklistItem, type FrozenDataValue, type InspectionSample } from '@zizhu/schema';
import { Alert, Box, Button, Card, CardContent, Chip, Collapse, FormControlLabel, Switch, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useController, useWatch } from 'react-hook-form';
import { TextInput, useTranslate } from 'react-admin';
import { FieldInput } from '../schema/field-input';
import { DataItemCheck } from './data-item-check';
import { EvidenceInput } from './evidence-input';
import { itemPaths, type ItemState } from './fill-answers';
import { SampleCards } from './sample-cards';

export interface FillItemProps {
  item: ChecklistItem;
  state: ItemState;
  /** The API's messages about this item, by form path. */
  errors: readonly (readonly [string, string])[];
  frozen: FrozenDataValue | undefined;
  sample: InspectionSample | undefined;
}

/**
 * One checklist item on the fill page: its label with the required (also by `requiredWhen`)
 * and veto markers, the answer through the configured-field widgets (or a data item's check,
 * or a sample's cards), N/A where allowed, and a remark and evidence files.
 */
export function FillItem({ item, state, errors, frozen, sample }: FillItemProps) {
  const translate = useTranslate();
  const paths = itemPaths(item.key);
  const shownAtInputs = new Set([paths.value, paths.remark, `${paths.dataCheck}.observed`, `${paths.dataCheck}.note`]);
  const elsewhere = errors.filter(([path]) => !shownAtInputs.has(path) && !/^answers\.sampleAnswers\.[^.]+\.s\d+\.[^.]+$/.test(path));
  return (
    <Card variant="outlined" id={`item-${item.key}`} data-testid={`item-${item.key}`} sx={{ borderColor: errors.length ? 'error.main' : undefined }}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, flexWrap: 'wrap', mb: 0.5 }}>
          <Typography variant="subtitle1" component="h3" sx={{ flex: '1 1 12em', fontWeight: 500, overflowWrap: 'anywhere' }}>
            {/* A word joiner keeps the required mark on the label's last line. */}
            {state.required ? `${item.label}\u2060` : item.label}
            {state.required && (
              <Box component="span" sx={{ color: 'error.main', ml: 0.5 }} aria-label={translate('zizhu.inspections.required')} data-testid="required-marker">
                *
              </Box>
            )}
          </Typography>
          {item.critical && <Chip size="small" color="warning" label={translate('zizhu.inspections.critical')} />}
        </Box>
        {item.help && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1, overflowWrap: 'anywhere' }}>
            {item.help}
          </Typography>
        )}
        {item.naAllowed && item.type !== 'yesNoNa' && <NotApplicableSwitch path={paths.na} />}
        {state.notApplicable ? (
          <Typography variant="body2" color="text.secondary">
            {translate('zizhu.inspections.notApplicableHint')}
          </Typography>
        ) : (
          <ItemAnswer item={item} required={state.required} frozen={frozen} sample={sample} />
        )}
        {elsewhere.map(([path, message]) => (
          <Alert key={path} severity="error" sx={{ mt: 1 }} role="alert">
            {message}
          </Alert>
        ))}
        <ItemExtras itemKey={item.key} evidenceRequired={state.evidenceRequired} hasErrors={elsewhere.length > 0} />
      </CardContent>
    </Card>
  );
}

/** The answer itself, by what the item is. */
function ItemAnswer({ item, required, frozen, sample }: { item: ChecklistItem; required: boolean; frozen: FrozenDataValue | undefined; sample: InspectionSample | undefined }) {
  const translate = useTranslate();
  const answerLabel = translate(item.type === 'file' ? 'zizhu.inspections.fileAnswer' : 'zizhu.inspections.answer');
  // The item's label and help are above the input: the input itself reads 回答.
  const field = useMemo(
    () => ({ ...configuredFieldSchema(item), label: { zh: answerLabel, en: answerLabel }, help: undefined, required }),
    [item, answerLabel, required],
  );
  if (item.dataItem) return <DataItemCheck itemKey={item.key} frozen={frozen} />;
  if (item.sample) return <SampleCards item={item} sample={sample} />;
  if (field.readOnly) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zizhu.inspections.computedHint')}
      </Typography>
    );
  }
  return <FieldInput field={field} mode="create" source={itemPaths(item.key).value} configured />;
}

function NotApplicableSwitch({ path }: { path: string }) {
  const translate = useTranslate();
  const { field } = useController({ name: path });
  return (
    <FormControlLabel
      control={<Switch checked={field.value === true} onChange={(event) => field.onChange(event.target.checked)} />}
      label={translate('zizhu.inspections.notApplicable')}
      sx={{ mb: 0.5 }}
    />
  );
}

/** 写实记录 and evidence, folded away until wanted (open when evidence is required, given, or refused). */
function ItemExtras({ itemKey, evidenceRequired, hasErrors }: { itemKey: string; evidenceRequired: boolean; hasErrors: boolean }) {
  const translate = useTranslate();
  const paths = itemPaths(itemKey);
  const [remark, evidence] = useWatch({ name: [paths.remark, paths.evidence] }) as [unknown, unknown];
  const given = (typeof remark === 'string' && remark !== '') || (Array.isArray(evidence) && evidence.length > 0);
  const [opened, setOpened] = useState(given);
  const open = opened || evidenceRequired || hasErrors;
  return (
    <Box sx={{ mt: 1 }}>
      {!open && (
        <Button size="small" onClick={() => setOpened(true)}>
          {translate('zizhu.inspections.more')}
        </Button>
      )}
      <Collapse in={open} unmountOnExit>
        <TextInput source={paths.remark} label={translate('zizhu.inspections.remark')} multiline minRows={2} helperText={false} />
        <EvidenceInput itemKey={itemKey} evidenceRequired={evidenceRequired} />
      </Collapse>
    </Box>
  );
}
