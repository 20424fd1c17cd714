import { Breadcrumbs, Stack, Typography } from '@mui/material';
import type { ComparisonSummaryTree } from '@zizhu/schema';
import { useEffect, useState } from 'react';
import { LinkBase, useGetList, useGetOne, useParams, useTranslate } from 'react-admin';
import { choiceKey } from '../schema/schema-messages';
import { fetchSummaryTree, summaryPath } from './summary-api';
import { COMPARISONS_RESOURCE } from './progress-api';
import { RunPageFrame } from './run-page-frame';
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
    <RunPageFrame runId={id ?? ''} title={title} failed={failed} failedMessage="zizhu.comparison.summaryFailed" loaded={Boolean(tree)}>
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
    </RunPageFrame>
  );
}
