import { Alert, Box, Button, CircularProgress, Container, Divider, List, ListItem, ListItemText, Paper, Stack, TextField, Typography } from '@mui/material';
import { type AidQueryAnswer, type AidQueryChallenge, formatYuan } from '@zizhu/schema';
import { type FormEvent, useState } from 'react';
import { useTranslate } from 'react-admin';
import { fetchChallenge, queryAid } from './aid-query-api';

const yuan = (fen: number) => formatYuan(fen, { grouped: true });

/**
 * 学生资助发放查询: the families' own page, without login and phone-sized. A name and a full ID
 * number show what was paid to that student; every failure reads the same. After failures
 * the server asks for a drawn sum, shown here with its answer field.
 */
export function AidQueryPage() {
  const translate = useTranslate();
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [challenge, setChallenge] = useState<AidQueryChallenge | null>(null);
  const [challengeAnswer, setChallengeAnswer] = useState('');
  const [answer, setAnswer] = useState<AidQueryAnswer | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function newChallenge() {
    setChallengeAnswer('');
    setChallenge(await fetchChallenge());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    setErrors({});
    setAnswer(null);
    try {
      const result = await queryAid({ name, idNumber, ...(challenge ? { challengeToken: challenge.token, challengeAnswer } : {}) });
      // A challenge answers one query: the next one, if asked for, is new.
      setChallenge(null);
      setChallengeAnswer('');
      if (result.kind === 'answer') setAnswer(result.answer);
      else if (result.kind === 'challenge') {
        setMessage(result.message);
        await newChallenge();
      } else {
        setErrors(result.errors);
        if (!Object.keys(result.errors).length) setMessage(result.message);
      }
    } catch {
      setMessage(translate('zizhu.aidQuery.failed'));
    } finally {
      setPending(false);
    }
  }

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: '#f4f6f8', py: { xs: 2, sm: 4 } }}>
      <Container maxWidth="sm">
        <Paper sx={{ p: { xs: 2, sm: 3 } }} component="main">
          <Typography variant="h5" component="h1" sx={{ fontWeight: 600, mb: 1 }}>
            {translate('zizhu.aidQuery.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('zizhu.aidQuery.intro')}
          </Typography>
          <Stack component="form" spacing={2} onSubmit={(e) => void submit(e)} noValidate>
            <TextField
              label={translate('zizhu.aidQuery.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              autoComplete="off"
              error={Boolean(errors.name)}
              helperText={errors.name}
              slotProps={{ htmlInput: { maxLength: 50 } }}
            />
            <TextField
              label={translate('zizhu.aidQuery.idNumber')}
              value={idNumber}
              onChange={(e) => setIdNumber(e.target.value)}
              required
              autoComplete="off"
              error={Boolean(errors.idNumber)}
              helperText={errors.idNumber}
              slotProps={{ htmlInput: { maxLength: 30, inputMode: 'text', style: { fontFamily: 'monospace', letterSpacing: 1 } } }}
            />
            {challenge && (
              <Stack spacing={1} data-testid="aid-query-challenge">
                <Typography variant="body2">{translate('zizhu.aidQuery.challenge')}</Typography>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <img src={challenge.image} alt={translate('zizhu.aidQuery.challenge')} style={{ height: 48, maxWidth: '60%' }} />
                  <Button size="small" onClick={() => void newChallenge()}>
                    {translate('zizhu.aidQuery.newChallenge')}
                  </Button>
                </Stack>
                <TextField
                  label={translate('zizhu.aidQuery.challengeAnswer')}
                  value={challengeAnswer}
                  onChange={(e) => setChallengeAnswer(e.target.value)}
                  slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
                />
              </Stack>
            )}
            <Button type="submit" variant="contained" size="large" disabled={pending || !name.trim() || !idNumber.trim()} startIcon={pending ? <CircularProgress size={18} /> : undefined}>
              {translate('zizhu.aidQuery.submit')}
            </Button>
          </Stack>
          {message && (
            <Alert severity="warning" sx={{ mt: 2 }} data-testid="aid-query-message">
              {message}
            </Alert>
          )}
          {answer && <AidQueryResult answer={answer} />}
          <Divider sx={{ my: 2 }} />
          <Typography variant="caption" color="text.secondary" component="p">
            {translate('zizhu.aidQuery.privacy')}
          </Typography>
        </Paper>
      </Container>
    </Box>
  );
}

function AidQueryResult({ answer }: { answer: AidQueryAnswer }) {
  const translate = useTranslate();
  if (!answer.payments.length) {
    return (
      <Alert severity="info" sx={{ mt: 2 }} data-testid="aid-query-none">
        {translate('zizhu.aidQuery.none')}
      </Alert>
    );
  }
  return (
    <Box sx={{ mt: 2 }} data-testid="aid-query-result">
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('zizhu.aidQuery.found', { count: answer.payments.length, total: yuan(answer.total) })}
      </Typography>
      <List dense>
        {answer.payments.map((payment, i) => (
          <ListItem key={i} divider disableGutters>
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
                  <span>{payment.program}</span>
                  <Typography component="span" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                    {yuan(payment.amount)} 元
                  </Typography>
                </Stack>
              }
              secondary={`${translate(`zizhu.aidQuery.${payment.term}`, { year: payment.year, _: `${payment.year} ${payment.term}` })} · ${translate('zizhu.aidQuery.date')} ${payment.date}`}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
