import { Box, Typography } from '@mui/material';
import { AppBar, TitlePortal, useTranslate } from 'react-admin';
import { AppUserMenu } from './user-menu';
import { useSessionUser } from '../providers/use-session-user';

/** Role and scope stay in sight: officers must know whose data they are changing. */
function ScopeLabel() {
  const user = useSessionUser();
  const translate = useTranslate();
  if (!user) return null;
  return (
    <Typography
      variant="body2"
      data-testid="scope-label"
      sx={{ display: { xs: 'none', md: 'block' }, mr: 1, opacity: 0.9, whiteSpace: 'nowrap' }}
    >
      {translate(`zizhu.roles.${user.role}`)} · {user.scopeLabel}
    </Typography>
  );
}

export function AppAppBar() {
  return (
    <AppBar userMenu={<AppUserMenu />}>
      <TitlePortal />
      <Box sx={{ flex: 1 }} />
      <ScopeLabel />
    </AppBar>
  );
}
