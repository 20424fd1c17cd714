import type { ChecklistDefinition, ChecklistItem, ChecklistSection } from '@zizhu/schema';
import { CONFIGURED_TYPES } from '@zizhu/schema';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, Alert, Box, Button, Chip, IconButton, Paper, Stack, TextField, Tooltip, Typography } from '@mui/material';
import type { FieldError, FieldErrors } from 'react-hook-form';
import { useInput, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useFormState } from 'react-hook-form';
import { languageOf, type Language } from '../providers/locales';
import { ItemEditor } from './checklist-item-editor';

const EMPTY: ChecklistDefinition = { sections: [] };

function isDefinition(value: unknown): value is ChecklistDefinition {
  return typeof value === 'object' && value !== null && Array.isArray((value as ChecklistDefinition).sections);
}

/** What react-hook-form holds at a dotted path of its errors (the API's `definition.sections.0.items.1.label` lands there). */
function errorsAt(errors: FieldErrors, path: string): unknown {
  let node: unknown = errors;
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

function errorIn(errors: FieldErrors, path: string): string | undefined {
  const message = (errorsAt(errors, path) as FieldError | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** A fresh key not used in the version yet (keys stay stable once published, so they are never reused silently). */
function freshKey(prefix: string, taken: ReadonlySet<string>): string {
  let n = taken.size + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/**
 * 检查表设计器: a draft version's sections and items edited in place, stored as the
 * `definition` json the API checks on every save; a published or retired version is shown
 * read-only. The API's 422s keyed `definition.<path>` show at their input.
 */
export function ChecklistDefinitionInput() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = languageOf(locale);
  const { field } = useInput({ source: 'definition' });
  const { errors } = useFormState();
  const t = (key: string, args?: Record<string, unknown>) => translate(`zizhu.checklists.${key}`, args);
  if (record?.status !== undefined && record.status !== 'draft') {
    return (
      <Box sx={{ width: '100%' }}>
        <Alert severity="info" sx={{ mb: 1 }}>
          {t('readOnly')}
        </Alert>
        <ChecklistDefinitionView definition={record.definition} />
      </Box>
    );
  }
  const definition = isDefinition(field.value) ? field.value : EMPTY;
  const errorAt = (path: string) => errorIn(errors, path);
  const setSections = (sections: ChecklistSection[]) => field.onChange({ ...definition, sections });
  const setSection = (s: number, changes: Partial<ChecklistSection>) => setSections(definition.sections.map((x, j) => (j === s ? { ...x, ...changes } : x)));
  const allItems = definition.sections.flatMap((section) => section.items);
  const itemKeys = new Set(allItems.map((item) => item.key));
  const addSection = () =>
    setSections([
      ...definition.sections,
      { key: freshKey('section', new Set(definition.sections.map((s) => s.key))), title: '', items: [{ key: freshKey('item', itemKeys), type: 'yesNoNa', label: '' }] },
    ]);
  return (
    <Box sx={{ width: '100%' }} data-testid="checklist-designer">
      {errorAt('definition') && <Alert severity="error">{errorAt('definition')}</Alert>}
      {errorAt('definition.sections') && <Alert severity="error">{errorAt('definition.sections')}</Alert>}
      {!definition.sections.length && <Typography color="text.secondary">{t('empty')}</Typography>}
      {definition.sections.map((section, s) => {
        const at = `definition.sections.${s}`;
        return (
          <Paper key={s} variant="outlined" sx={{ p: 2, mb: 2 }} data-testid={`section-${s}`}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
              <Typography variant="subtitle1" sx={{ minWidth: 70, pt: 1 }}>
                {t('section', { n: s + 1 })}
              </Typography>
              <TextField size="small" label={t('sectionKey')} value={section.key} onChange={(e) => setSection(s, { key: e.target.value })} error={!!errorAt(`${at}.key`)} helperText={errorAt(`${at}.key`)} sx={{ width: { sm: 150 }, flexShrink: 0 }} slotProps={{ htmlInput: { 'data-testid': `${at}.key` } }} />
              <TextField size="small" label={t('sectionTitle')} value={section.title} onChange={(e) => setSection(s, { title: e.target.value })} error={!!errorAt(`${at}.title`)} helperText={errorAt(`${at}.title`)} sx={{ flex: 1, minWidth: 160 }} slotProps={{ htmlInput: { 'data-testid': `${at}.title` } }} />
              <TextField
                size="small"
                type="number"
                label={t('weight')}
                value={section.weight ?? ''}
                onChange={(e) => setSection(s, { weight: e.target.value === '' ? undefined : Number(e.target.value) })}
                error={!!errorAt(`${at}.weight`)}
                helperText={errorAt(`${at}.weight`)}
                sx={{ width: { sm: 90 }, flexShrink: 0 }}
              />
              <Tooltip title={t('removeSection')}>
                <IconButton aria-label={t('removeSection')} onClick={() => setSections(definition.sections.filter((_, j) => j !== s))}>
                  <DeleteOutlineIcon />
                </IconButton>
              </Tooltip>
            </Stack>
            {errorAt(`${at}.items`) && <Alert severity="error">{errorAt(`${at}.items`)}</Alert>}
            <Box sx={{ mt: 1 }}>
              {section.items.map((item, i) => {
                const itemAt = `${at}.items.${i}`;
                const failing = errorsAt(errors, itemAt) !== undefined;
                const setItems = (items: ChecklistItem[]) => setSection(s, { items });
                return (
                  <Accordion key={i} disableGutters defaultExpanded={!item.label} data-testid={`item-${s}-${i}`}>
                    <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                      <Stack direction="row" spacing={1} sx={{ flex: 1, minWidth: 0, alignItems: 'center' }}>
                        <Chip size="small" label={item.key || '?'} color={failing ? 'error' : 'default'} />
                        <Typography noWrap sx={{ flex: 1 }}>
                          {item.label}
                        </Typography>
                        <Typography variant="caption" color="text.secondary">
                          {CONFIGURED_TYPES[item.type]?.label[lang]}
                        </Typography>
                      </Stack>
                    </AccordionSummary>
                    <AccordionDetails>
                      <ItemEditor
                        item={item}
                        onChange={(next) => setItems(section.items.map((x, j) => (j === i ? next : x)))}
                        others={allItems.filter((other) => other !== item)}
                        path={itemAt}
                        errorAt={errorAt}
                        lang={lang}
                      />
                      <Button size="small" color="error" startIcon={<DeleteOutlineIcon />} onClick={() => setItems(section.items.filter((_, j) => j !== i))}>
                        {t('removeItem')}
                      </Button>
                    </AccordionDetails>
                  </Accordion>
                );
              })}
              <Button
                size="small"
                startIcon={<AddIcon />}
                sx={{ mt: 1 }}
                data-testid={`add-item-${s}`}
                onClick={() => setSection(s, { items: [...section.items, { key: freshKey('item', itemKeys), type: 'yesNoNa', label: '' }] })}
              >
                {t('addItem')}
              </Button>
            </Box>
          </Paper>
        );
      })}
      <Button variant="outlined" startIcon={<AddIcon />} onClick={addSection} data-testid="add-section">
        {t('addSection')}
      </Button>
    </Box>
  );
}

/** A version's sections and items as read (published versions, and the record's page). */
export function ChecklistDefinitionView({ definition }: { definition: unknown }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang: Language = languageOf(locale);
  if (!isDefinition(definition)) return null;
  return (
    <Box sx={{ width: '100%' }} data-testid="checklist-view">
      {definition.sections.map((section) => (
        <Box key={section.key} sx={{ mb: 2 }}>
          <Typography variant="subtitle1">
            {section.title}
            <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
              {section.key} · {translate('zizhu.checklists.weight')} {section.weight ?? 1} · {translate('zizhu.checklists.itemsCount', { count: section.items.length })}
            </Typography>
          </Typography>
          {section.items.map((item) => (
            <Stack key={item.key} direction="row" spacing={1} sx={{ pl: 2, py: 0.25, alignItems: 'center', flexWrap: 'wrap' }}>
              <Chip size="small" variant="outlined" label={item.key} />
              <Typography variant="body2">{item.label}</Typography>
              <Typography variant="caption" color="text.secondary">
                {CONFIGURED_TYPES[item.type]?.label[lang]}
              </Typography>
              {item.critical && <Chip size="small" color="warning" label={translate('zizhu.checklists.critical')} />}
              {item.visibleWhen !== undefined && <Chip size="small" label={translate('zizhu.checklists.visibleWhen')} />}
              {item.dataItem && <Chip size="small" label={item.dataItem} />}
              {item.sample && <Chip size="small" label={`${translate('zizhu.checklists.sample')} ${item.sample.size}`} />}
            </Stack>
          ))}
        </Box>
      ))}
    </Box>
  );
}
