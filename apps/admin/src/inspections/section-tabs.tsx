import type { ChecklistSection } from '@zizhu/schema';
import { Badge, Box, Button, Tab, Tabs } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SectionProgress } from './fill-answers';

/** The checklist's sections as tabs, each with how much of it is answered; a section with errors is marked. */
export function SectionTabs(props: {
  sections: readonly ChecklistSection[];
  progress: readonly SectionProgress[];
  errorCounts: readonly number[];
  current: number;
  onChange(index: number): void;
}) {
  const translate = useTranslate();
  return (
    <Tabs
      value={props.current}
      onChange={(_event, index: number) => props.onChange(index)}
      variant="scrollable"
      scrollButtons="auto"
      allowScrollButtonsMobile
      aria-label={translate('zizhu.inspections.sections')}
      sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
    >
      {props.sections.map((section, index) => {
        const progress = props.progress[index];
        const errors = props.errorCounts[index] ?? 0;
        return (
          <Tab
            key={section.key}
            data-testid={`section-tab-${section.key}`}
            sx={{ color: errors ? 'error.main' : undefined }}
            label={
              <Badge color="error" badgeContent={errors} invisible={errors === 0}>
                <Box component="span" sx={{ px: 0.5 }}>
                  {section.title}
                  <Box component="span" sx={{ ml: 0.5, opacity: 0.7, fontSize: '0.8em' }}>
                    {progress ? `${progress.answered}/${progress.total}` : ''}
                  </Box>
                </Box>
              </Badge>
            }
          />
        );
      })}
    </Tabs>
  );
}

/** Under a section: back, forward, and submitting (the main button on the last section). */
export function SectionNav(props: { current: number; count: number; submitting: boolean; onChange(index: number): void; onSubmit(): void }) {
  const translate = useTranslate();
  const last = props.current === props.count - 1;
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 2, '& > *': { flex: { xs: '1 1 40%', sm: '0 0 auto' } } }}>
      <Button variant="outlined" disabled={props.current === 0} onClick={() => props.onChange(props.current - 1)}>
        {translate('zizhu.inspections.previous')}
      </Button>
      {!last && (
        <Button variant="contained" onClick={() => props.onChange(props.current + 1)}>
          {translate('zizhu.inspections.next')}
        </Button>
      )}
      <Button variant={last ? 'contained' : 'outlined'} color="success" disabled={props.submitting} onClick={props.onSubmit} sx={{ ml: { sm: 'auto' } }}>
        {translate(props.submitting ? 'zizhu.inspections.submitting' : 'zizhu.inspections.submit')}
      </Button>
    </Box>
  );
}
