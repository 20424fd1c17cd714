import type { ImportJob } from '@zizhu/schema';
import { Box, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FileDownloadButton } from '../files/file-download-button';
import { errorReportUrl } from './import-api';

/** The rows that will not import and why, with the full error workbook to fix and re-upload. */
export function ImportErrorsTable({ job }: { job: ImportJob }) {
  const translate = useTranslate();
  const { errors, errorCount } = job;
  return (
    <section data-testid="import-errors">
      <Typography variant="h6" component="h2">
        {translate('zizhu.import.errorsTitle')}
      </Typography>
      {errorCount === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('zizhu.import.errorsNone')}
        </Typography>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {errorCount > errors.length
              ? translate('zizhu.import.errorsShown', { count: errorCount, shown: errors.length })
              : translate('zizhu.import.errorsCount', { smart_count: errorCount })}
            {translate('zizhu.import.sentenceGap')}
            {translate('zizhu.import.errorsFix')}
          </Typography>
          <Stack direction="row" sx={{ mb: 1 }}>
            <FileDownloadButton
              url={errorReportUrl(job.id)}
              fallbackName={translate('zizhu.import.errorReportFile')}
              label="zizhu.import.errorReport"
              size="small"
            />
          </Stack>
          <TableContainer sx={{ maxHeight: 420, border: 1, borderColor: 'divider', borderRadius: 1 }}>
            <Table size="small" stickyHeader aria-label={translate('zizhu.import.errorsTitle')}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 72 }}>{translate('zizhu.import.errorRow')}</TableCell>
                  <TableCell sx={{ width: 160 }}>{translate('zizhu.import.errorColumn')}</TableCell>
                  <TableCell>{translate('zizhu.import.errorMessage')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {errors.map((error, i) => (
                  <TableRow key={`${error.row}-${error.column}-${i}`} data-row={error.row}>
                    <TableCell>{error.row}</TableCell>
                    <TableCell>
                      {error.column || (
                        <Box component="span" sx={{ color: 'text.secondary' }}>
                          {translate('zizhu.import.errorWholeRow')}
                        </Box>
                      )}
                    </TableCell>
                    <TableCell>{error.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}
    </section>
  );
}
