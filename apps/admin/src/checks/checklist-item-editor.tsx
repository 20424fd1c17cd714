import type { ChecklistItem } from '@zizhu/schema';
import { type ConfiguredChoice, type ConfiguredField, type ConfiguredFieldType, CONFIGURED_TYPES } from '@zizhu/schema';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, Checkbox, FormControlLabel, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Language } from '../providers/locales';
import { useDataItems } from './checklist-api';
import { ConditionInput } from './checklist-condition-input';

const CONDITIONS = ['visibleWhen', 'requiredWhen', 'evidenceWhen', 'findingWhen'] as const;
const SCORED_TYPES = new Set<ConfiguredFieldType>(['select', 'multiSelect', 'yesNoNa']);

export interface ItemEditorProps {
  item: ChecklistItem;
  onChange(next: ChecklistItem): void;
  /** The version's other items (what conditions may read). */
  others: readonly ChecklistItem[];
  /** `definition.sections.<s>.items.<i>`: where the API's 422s for this item are keyed. */
  path: string;
  errorAt(path: string): string | undefined;
  lang: Language;
}

/** A number typed in a field, or undefined when left empty (the property then takes its default). */
function numberOrUndefined(text: string): number | undefined {
  return text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text);
}

/** One item's properties; what the item's type does not use is not offered. */
export function ItemEditor({ item, onChange, others, path, errorAt, lang }: ItemEditorProps) {
  const translate = useTranslate();
  const dataItems = useDataItems();
  const t = (key: string) => translate(`zizhu.checklists.${key}`);
  const set = (changes: Partial<ChecklistItem>) => {
    const next: Record<string, unknown> = { ...item, ...changes };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    onChange(next as unknown as ChecklistItem);
  };
  const text = (key: 'key' | 'label' | 'help', label: string, extra: { multiline?: boolean } = {}) => (
    <TextField
      label={label}
      value={item[key] ?? ''}
      onChange={(e) => set({ [key]: key === 'help' && !e.target.value ? undefined : e.target.value })}
      error={!!errorAt(`${path}.${key}`)}
      helperText={errorAt(`${path}.${key}`)}
      size="small"
      fullWidth={key !== 'key'}
      sx={key === 'key' ? { width: { sm: 150 }, flexShrink: 0 } : undefined}
      slotProps={{ htmlInput: { 'data-testid': `${path}.${key}` } }}
      {...extra}
    />
  );
  const flag = (key: 'required' | 'critical' | 'naAllowed') => (
    <FormControlLabel
      control={<Checkbox size="small" checked={!!item[key]} onChange={(e) => set({ [key]: e.target.checked || undefined })} slotProps={{ input: { 'aria-label': t(key) } }} />}
      label={t(key)}
    />
  );
  return (
    <Stack spacing={1.5} sx={{ py: 1 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        {text('key', t('itemKey'))}
        <TextField
          select
          label={t('type')}
          value={item.type}
          onChange={(e) => set({ type: e.target.value as ConfiguredFieldType, choices: undefined, options: undefined })}
          size="small"
          sx={{ minWidth: 180 }}
          error={!!errorAt(`${path}.type`)}
          helperText={errorAt(`${path}.type`)}
          slotProps={{ htmlInput: { 'data-testid': `${path}.type` } }}
        >
          {Object.entries(CONFIGURED_TYPES).map(([code, entry]) => (
            <MenuItem key={code} value={code}>
              {entry.label[lang]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('weight')}
          type="number"
          value={item.weight ?? ''}
          onChange={(e) => set({ weight: numberOrUndefined(e.target.value) })}
          size="small"
          sx={{ width: 100 }}
          error={!!errorAt(`${path}.weight`)}
          helperText={errorAt(`${path}.weight`)}
        />
      </Stack>
      {text('label', t('itemLabel'))}
      {text('help', t('help'), { multiline: true })}
      <Stack direction="row" sx={{ flexWrap: 'wrap' }}>
        {flag('required')}
        {flag('critical')}
        {flag('naAllowed')}
      </Stack>
      {SCORED_TYPES.has(item.type) && (
        <ChoicesEditor choices={item.choices ?? []} onChange={(choices) => set({ choices: choices.length ? choices : undefined })} error={errorAt(`${path}.options`) ?? errorAt(`${path}.choices`)} path={path} />
      )}
      <TextField
        select
        label={t('dataItem')}
        value={item.dataItem ?? ''}
        onChange={(e) => set({ dataItem: e.target.value || undefined })}
        size="small"
        error={!!errorAt(`${path}.dataItem`)}
        helperText={errorAt(`${path}.dataItem`)}
      >
        <MenuItem value="">{t('noDataItem')}</MenuItem>
        {dataItems.map((d) => (
          <MenuItem key={d.code} value={d.code}>
            {d.label[lang]}（{d.unit[lang]}）
          </MenuItem>
        ))}
      </TextField>
      <SampleEditor item={item} set={set} path={path} errorAt={errorAt} lang={lang} />
      <Typography variant="subtitle2">{t('conditions')}</Typography>
      {CONDITIONS.map((name) => (
        <ConditionInput
          key={name}
          label={t(name)}
          value={item[name]}
          onChange={(next) => set({ [name]: next })}
          items={name === 'evidenceWhen' || name === 'findingWhen' ? [...others, item] : others}
          lang={lang}
          error={errorAt(`${path}.${name}`)}
          testId={`${path}.${name}`}
        />
      ))}
    </Stack>
  );
}

function ChoicesEditor({ choices, onChange, error, path }: { choices: readonly ConfiguredChoice[]; onChange(next: ConfiguredChoice[]): void; error?: string; path: string }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`zizhu.checklists.${key}`);
  const update = (i: number, changes: Partial<ConfiguredChoice>) =>
    onChange(choices.map((c, j) => (j === i ? (Object.fromEntries(Object.entries({ ...c, ...changes }).filter(([, v]) => v !== undefined && v !== '')) as unknown as ConfiguredChoice) : c)));
  return (
    <Box>
      <Typography variant="subtitle2">{t('choices')}</Typography>
      {choices.map((choice, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
          <TextField size="small" label={t('choiceValue')} value={choice.value} onChange={(e) => update(i, { value: e.target.value })} slotProps={{ htmlInput: { 'data-testid': `${path}.choices.${i}.value` } }} />
          <TextField size="small" label={t('choiceLabel')} value={choice.label ?? ''} onChange={(e) => update(i, { label: e.target.value || undefined })} />
          <TextField size="small" type="number" label={t('choiceScore')} value={choice.score ?? ''} sx={{ width: 100 }} onChange={(e) => update(i, { score: numberOrUndefined(e.target.value) })} />
          <IconButton size="small" aria-label={t('removeItem')} onClick={() => onChange(choices.filter((_, j) => j !== i))}>
            <DeleteOutlineIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...choices, { value: '' }])}>
        {t('addChoice')}
      </Button>
      {error && (
        <Typography variant="caption" color="error" sx={{ display: 'block' }}>
          {error}
        </Typography>
      )}
    </Box>
  );
}

interface SampleEditorProps {
  item: ChecklistItem;
  set(changes: Partial<ChecklistItem>): void;
  path: string;
  errorAt(path: string): string | undefined;
  lang: Language;
}

/** 抽样: N students drawn when the inspection starts, each answered with these questions. */
function SampleEditor({ item, set, path, errorAt, lang }: SampleEditorProps) {
  const translate = useTranslate();
  const t = (key: string) => translate(`zizhu.checklists.${key}`);
  const sample = item.sample;
  const questions = sample?.questions ?? [];
  const setQuestions = (next: ConfiguredField[]) => set({ sample: { size: sample?.size ?? 5, questions: next } });
  return (
    <Box>
      <FormControlLabel
        control={<Checkbox size="small" checked={!!sample} onChange={(e) => set({ sample: e.target.checked ? { size: 5, questions: [{ key: 'q1', type: 'boolean', label: '' }] } : undefined })} />}
        label={t('sample')}
      />
      {sample && (
        <Stack spacing={1} sx={{ pl: 2 }}>
          <TextField
            size="small"
            type="number"
            label={t('sampleSize')}
            value={sample.size}
            sx={{ width: 140 }}
            onChange={(e) => set({ sample: { ...sample, size: Number(e.target.value) } })}
            error={!!errorAt(`${path}.sample.size`)}
            helperText={errorAt(`${path}.sample.size`)}
          />
          <Typography variant="caption">{t('sampleQuestions')}</Typography>
          {questions.map((q, i) => {
            const at = `${path}.sample.questions.${i}`;
            const update = (changes: Partial<ConfiguredField>) => setQuestions(questions.map((x, j) => (j === i ? { ...x, ...changes } : x)));
            return (
              <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <TextField size="small" label={t('itemKey')} value={q.key} onChange={(e) => update({ key: e.target.value })} error={!!errorAt(`${at}.key`)} helperText={errorAt(`${at}.key`)} />
                <TextField size="small" label={t('itemLabel')} value={q.label} onChange={(e) => update({ label: e.target.value })} error={!!errorAt(`${at}.label`)} helperText={errorAt(`${at}.label`)} sx={{ flex: 1 }} />
                <TextField select size="small" label={t('type')} value={q.type} onChange={(e) => update({ type: e.target.value as ConfiguredFieldType })} sx={{ minWidth: 140 }}>
                  {(['boolean', 'yesNoNa', 'text', 'number'] as const).map((code) => (
                    <MenuItem key={code} value={code}>
                      {CONFIGURED_TYPES[code].label[lang]}
                    </MenuItem>
                  ))}
                </TextField>
                <IconButton size="small" aria-label={t('removeItem')} onClick={() => setQuestions(questions.filter((_, j) => j !== i))}>
                  <DeleteOutlineIcon fontSize="small" />
                </IconButton>
              </Stack>
            );
          })}
          <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => setQuestions([...questions, { key: `q${questions.length + 1}`, type: 'boolean', label: '' }])}>
            {t('addQuestion')}
          </Button>
          {errorAt(`${path}.sample.questions`) && (
            <Typography variant="caption" color="error">
              {errorAt(`${path}.sample.questions`)}
            </Typography>
          )}
        </Stack>
      )}
    </Box>
  );
}
