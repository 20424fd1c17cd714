import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Button, type Identifier, LinkBase, Title, useTranslate } from 'react-admin';
import { COMPARISONS_RESOURCE } from './progress-api';

/** A page about one comparison run: back to the run, its title, and a spinner or an error while its data loads (the children show once it has). */
export function RunPageFrame(props: { runId: Identifier; title: string; failed: boolean; failedMessage: string; loaded: boolean; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={props.title} />
      <CardContent>
        <Button component={LinkBase} to={`/${COMPARISONS_RESOURCE}/${props.runId}/show`} label="zizhu.comparison.back">
          <ArrowBackIcon />
        </Button>
        <Typography variant="h6" component="h1" sx={{ my: 1 }}>
          {props.title}
        </Typography>
        {props.failed && <Alert severity="error">{translate(props.failedMessage)}</Alert>}
        {!props.failed && !props.loaded && <CircularProgress size={24} />}
        {props.children}
      </CardContent>
    </Card>
  );
}
