import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Breadcrumbs, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import type { ComparisonSummaryTree } from '@zizhu/schema';
import { useEffect, useState } from 'react';
import { Button, LinkBase, Title, useGetList, useGetOne, useParams, useTranslate } from 'react-admin';
import { choiceKey } from '../schema/schema-messages';
import { COMPARISONS_RESOURCE } from './progress-api';
import { fetchSummaryTree, summaryPath } from './summary-api';
import { ChildrenTable, StageTypeTable } from './summary-tables';

/**
 * `/comparisons/:id/summary[/:parent]`: a run's summary down the region tree — where you
 * are (breadcrumbs up to the highest node you may see), that node by stage × identity type,
 * and its townships or schools, each a link one level down.
 */
export function SummaryTreePage() {
  const { id = '', parent } = useParams<{ id: string; parent?: string }>();
  const translate = useTranslate();
  const { data: run } = useGetOne(COMPARISONS_RESOURCE, { id });
  const { data: types } = useGetList('identity-types', { pagination: { page: 1, perPage: 100 } });
  const [tree, setTree] = useState<ComparisonSummaryTree>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let alive = true;
    setTree(undefined);
    setFailed(false);
    fetchSummaryTree(id, parent).then(
      (loaded) => alive && setTree(loaded),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [id, parent]);

  const title = translate('zizhu.comparison.summaryTitle', { name: run?.name ?? '' });
  const typeName = (typeId: number) => String(types?.find((t) => t.id === typeId)?.name ?? typeId);
  const stageLabel = (stage: string) => translate(choiceKey('students', 'stage', stage), { _: stage });
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={title} />
      <CardContent>
        <Button component={LinkBase} to={`/${COMPARISONS_RESOURCE}/${id}/show`} label="zizhu.comparison.back">
          <ArrowBackIcon />
        </Button>
        <Typography variant="h6" component="h1" sx={{ my: 1 }}>
          {title}
        </Typography>
        {failed && <Alert severity="error">{translate('zizhu.comparison.summaryFailed')}</Alert>}
        {!failed && !tree && <CircularProgress size={24} />}
        {tree && (
          <Stack spacing={2}>
            <Breadcrumbs data-testid="summary-breadcrumbs">
              {tree.ancestors.map((a) => (
                <LinkBase key={a.id} to={summaryPath(id, a.id)}>
                  {a.name}
                </LinkBase>
              ))}
              <Typography color="text.primary">{tree.node.name}</Typography>
            </Breadcrumbs>
            <Typography variant="body2" color="text.secondary">
              {translate('zizhu.comparison.summaryIntro')}
            </Typography>
            <StageTypeTable node={tree.node} stageLabel={stageLabel} typeName={typeName} />
            {tree.children.length > 0 && (
              <>
                <Typography variant="subtitle1" component="h2">
                  {translate('zizhu.comparison.summaryChildren')}
                </Typography>
                <ChildrenTable runId={id} nodes={tree.children} />
              </>
            )}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
