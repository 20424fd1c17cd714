import { formatBasisPoints, type OutreachCoverageFigures } from '@zizhu/schema';
import { Box, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface CoverageRow {
  key: string;
  label: string;
  figures: OutreachCoverageFigures;
  /** Opens the row (a region drills down, a school opens its follow-ups); none for the total. */
  onOpen?: () => void;
}

/** A count with its share of recipients below it ("12" / "40.00%"; "—" without recipients); amber below 100 % where every family is due one (letters, receipts). */
function Share({ count, bp, drawn, everyone = false }: { count: number; bp: number | null; drawn?: number; everyone?: boolean }) {
  const translate = useTranslate();
  return (
    <>
      <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {count}
      </Box>
      {drawn !== undefined && (
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('zizhu.followUps.drawnOf', { count: drawn })}
        </Typography>
      )}
      <Typography variant="caption" color={everyone && bp !== null && bp < 10_000 ? 'warning.main' : 'text.secondary'} component="div">
        {bp === null ? '—' : formatBasisPoints(bp)}
      </Typography>
    </>
  );
}

/**
 * Coverage figures, one row per place: recipients, letters made, delivered and their
 * receipts, families reached by phone and visited — each count with its share of recipients,
 * calls and visits with how many were drawn.
 */
export function CoverageTable({ rows, testId }: { rows: CoverageRow[]; testId: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            {['colPlace', 'colRecipients', 'colGenerated', 'colDelivered', 'colReceipts', 'colPhoned', 'colVisited'].map((key) => (
              <TableCell key={key} align={key === 'colPlace' ? 'left' : 'right'}>
                {translate(`zizhu.followUps.${key}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ key, label, figures: f, onOpen }) => (
            <TableRow key={key} data-testid={`coverage-row-${key}`}>
              <TableCell>
                {onOpen ? (
                  <Link component="button" type="button" onClick={onOpen} underline="hover">
                    {label}
                  </Link>
                ) : (
                  <strong>{label}</strong>
                )}
              </TableCell>
              <TableCell align="right">{f.recipients}</TableCell>
              <TableCell align="right">{f.lettersGenerated}</TableCell>
              <TableCell align="right">
                <Share count={f.lettersDelivered} bp={f.sharesBp.lettersDelivered} everyone />
              </TableCell>
              <TableCell align="right">
                <Share count={f.receiptsReturned} bp={f.sharesBp.receiptsReturned} everyone />
              </TableCell>
              <TableCell align="right">
                <Share count={f.phoned} bp={f.sharesBp.phoned} drawn={f.phoneDrawn} />
              </TableCell>
              <TableCell align="right">
                <Share count={f.visited} bp={f.sharesBp.visited} drawn={f.visitDrawn} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
