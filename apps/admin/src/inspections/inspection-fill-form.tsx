import { checklistItems, scoreChecklist } from '@zizhu/schema';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Form, RecordContextProvider, ResourceContextProvider, useNotify } from 'react-admin';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import {
  ANSWERS_PATH,
  firstErrorSection,
  formPathOf,
  hiddenItems,
  itemKeyOf,
  itemStates,
  sectionProgress,
  shownAnswers,
  toAnswers,
  toFormValues,
  type FillAnswers,
  type FillFormValues,
} from './fill-answers';
import { FillHeader } from './fill-header';
import { FillItem } from './fill-item';
import { INSPECTIONS_RESOURCE, saveInspection, submitInspection, type ChecklistVersionRecord, type InspectionRecord } from './inspection-api';
import { SectionNav, SectionTabs } from './section-tabs';
import { useAutosave } from './use-autosave';

export interface InspectionFillFormProps {
  inspection: InspectionRecord;
  version: ChecklistVersionRecord;
  onSubmitted(inspection: InspectionRecord): void;
}

/** The answers form of a started inspection (its stored draft to start with). */
export function InspectionFillForm(props: InspectionFillFormProps) {
  // Taken once: later saves must not reset what the inspector is typing.
  const [initial] = useState(() => toFormValues(props.inspection.answers));
  return (
    <ResourceContextProvider value={INSPECTIONS_RESOURCE}>
      <Form defaultValues={initial} onSubmit={ignoreSubmit} noValidate>
        <FillBody {...props} />
      </Form>
    </ResourceContextProvider>
  );
}

/** The form is submitted by its button only (the API checks it); Enter in an input does nothing. */
const ignoreSubmit = (): void => undefined;

function stopImplicitSubmit(event: KeyboardEvent<HTMLElement>): void {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
}

/** Touch-sized controls on a phone. */
const TOUCH_SX = {
  '& .MuiButton-root, & .MuiToggleButton-root': { minHeight: 44 },
  '& .MuiInputBase-root': { minHeight: { xs: 48, sm: 'auto' } },
  '& .MuiSwitch-root': { my: 0.5 },
  overflowWrap: 'anywhere',
} as const;

function FillBody({ inspection, version, onSubmitted }: InspectionFillFormProps) {
  const notify = useNotify();
  const { control, getValues, setError, clearErrors, watch } = useFormContext<FillFormValues>();
  const watched = useWatch({ control, name: ANSWERS_PATH }) as FillAnswers | undefined;
  const definition = version.definition;
  // What counts: hidden items' answers stay in the form (shown again, they come back) but are neither scored nor counted.
  const answers = useMemo(() => {
    const given = toAnswers(watched ? { answers: watched } : undefined);
    return shownAnswers(given, hiddenItems(definition, given));
  }, [definition, watched]);
  const states = useMemo(() => itemStates(definition, answers), [definition, answers]);
  const score = useMemo(() => scoreChecklist(definition, answers, version.passMark), [definition, answers, version.passMark]);
  const samples = useMemo(() => inspection.samples ?? [], [inspection.samples]);
  const progress = useMemo(() => sectionProgress(definition, answers, samples, states), [definition, answers, samples, states]);
  const labels = useMemo(() => new Map(checklistItems(definition).map(({ item }) => [item.key, item.label])), [definition]);
  const [current, setCurrent] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [focusItem, setFocusItem] = useState<string | null>(null);

  // The API's messages by form path; each input shows its own, the item card the rest.
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const errorsRef = useRef(serverErrors);
  const replaceErrors = useCallback(
    (next: Record<string, string>) => {
      clearErrors(Object.keys(errorsRef.current) as never);
      for (const [path, message] of Object.entries(next)) setError(path as never, { type: 'server', message });
      errorsRef.current = next;
      setServerErrors(next);
    },
    [clearErrors, setError],
  );
  const showApiErrors = useCallback(
    (errors: Record<string, string>) => {
      const mapped = Object.fromEntries(Object.entries(errors).map(([key, message]) => [formPathOf(key), message]));
      replaceErrors(mapped);
      return mapped;
    },
    [replaceErrors],
  );

  const save = useCallback(async () => {
    try {
      await saveInspection(inspection.id, toAnswers(getValues()));
    } catch (error) {
      // A value of the wrong type is refused on its item, as on submit.
      const fieldErrors = apiFieldErrors(error);
      if (Object.keys(fieldErrors).length) showApiErrors(fieldErrors);
      throw error;
    }
  }, [inspection.id, getValues, showApiErrors]);
  const { state: saveState, changed, settle, stop } = useAutosave(save);

  // Every change is saved (debounced), and the changed item's old errors go.
  useEffect(() => {
    const subscription = watch((_values, { name }) => {
      if (!name) return;
      changed();
      const item = itemKeyOf(name);
      const stale = Object.keys(errorsRef.current).filter((path) => itemKeyOf(path) === item);
      if (item && stale.length) replaceErrors(Object.fromEntries(Object.entries(errorsRef.current).filter(([path]) => !stale.includes(path))));
    });
    return () => subscription.unsubscribe();
  }, [watch, changed, replaceErrors]);

  // After switching to the section of the first error, bring that item into view.
  useEffect(() => {
    if (!focusItem) return;
    document.getElementById(`item-${focusItem}`)?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
    setFocusItem(null);
  }, [focusItem, current]);

  const goTo = (index: number) => {
    setCurrent(index);
    document.getElementById('fill-sections')?.scrollIntoView?.({ block: 'start' });
  };

  async function submit() {
    setSubmitting(true);
    try {
      await settle();
      const submitted = await submitInspection(inspection.id, toAnswers(getValues()));
      stop();
      notify(submitted.score == null ? 'zizhu.inspections.submittedNoScore' : 'zizhu.inspections.submitted', {
        type: 'success',
        messageArgs: { score: submitted.score == null ? '' : submitted.score.toFixed(1) },
      });
      onSubmitted(submitted);
    } catch (error) {
      const fieldErrors = apiFieldErrors(error);
      if (Object.keys(fieldErrors).length) {
        const mapped = showApiErrors(fieldErrors);
        const section = firstErrorSection(definition, Object.keys(mapped));
        if (section >= 0) {
          setCurrent(section);
          setFocusItem(Object.keys(mapped).map(itemKeyOf).find((key) => key !== null && definition.sections[section].items.some((item) => item.key === key)) ?? null);
        }
        notify('zizhu.inspections.submitFailed', { type: 'error', messageArgs: { count: Object.keys(mapped).length } });
      } else {
        const message = apiErrorMessage(error) ?? 'ra.notification.http_error';
        notify(message, { type: 'error', messageArgs: { _: message } });
      }
    } finally {
      setSubmitting(false);
    }
  }

  const errorEntries = Object.entries(serverErrors);
  const errorCounts = definition.sections.map((section) => errorEntries.filter(([path]) => section.items.some((item) => item.key === itemKeyOf(path))).length);
  const general = errorEntries.filter(([path]) => itemKeyOf(path) === null || !labels.has(itemKeyOf(path) ?? ''));
  const section = definition.sections[current] ?? definition.sections[0];
  const answered = progress.reduce((sum, p) => sum + p.answered, 0);
  const total = progress.reduce((sum, p) => sum + p.total, 0);
  return (
    <Box sx={TOUCH_SX} onKeyDown={stopImplicitSubmit} data-testid="inspection-fill">
      <RecordContextProvider value={inspection}>
        <FillHeader score={score} passMark={version.passMark} labels={labels} answered={answered} total={total} save={saveState} />
      </RecordContextProvider>
      <Box sx={{ px: { xs: 1, sm: 2 }, pb: 3, scrollMarginTop: 120 }} id="fill-sections">
        {general.map(([path, message]) => (
          <Alert key={path} severity="error" sx={{ mb: 1 }} role="alert">
            {message}
          </Alert>
        ))}
        <SectionTabs sections={definition.sections} progress={progress} errorCounts={errorCounts} current={current} onChange={goTo} />
        {section && (
          <Box component="section" aria-labelledby={`section-${section.key}`} data-testid={`section-${section.key}`}>
            <Typography variant="h6" component="h2" id={`section-${section.key}`} sx={{ mb: 1 }}>
              {section.title}
            </Typography>
            <Stack spacing={1.5}>
              {section.items
                .filter((item) => states.get(item.key)?.visible !== false)
                .map((item) => (
                  <FillItem
                    key={item.key}
                    item={item}
                    state={states.get(item.key)!}
                    errors={errorEntries.filter(([path]) => itemKeyOf(path) === item.key)}
                    frozen={inspection.dataValues?.[item.key]}
                    sample={samples.find((sample) => sample.itemKey === item.key)}
                  />
                ))}
            </Stack>
          </Box>
        )}
        <SectionNav current={current} count={definition.sections.length} submitting={submitting} onChange={goTo} onSubmit={() => void submit()} />
      </Box>
    </Box>
  );
}
