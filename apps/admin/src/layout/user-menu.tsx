import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { Box, ListItemIcon, MenuItem, Typography } from '@mui/material';
import { Logout, UserMenu, useTranslate } from 'react-admin';
import { useSessionUser } from '../providers/use-session-user';

/** Who is logged in: name, role and the node of the region tree they work for. */
function UserSummary() {
  const user = useSessionUser();
  const translate = useTranslate();
  if (!user) return null;
  return (
    <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
      <ListItemIcon>
        <AccountCircleIcon />
      </ListItemIcon>
      <Box>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {user.displayName}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div">
          {translate(`zizhu.roles.${user.role}`)} · {user.scopeLabel}
        </Typography>
      </Box>
    </MenuItem>
  );
}

export function AppUserMenu() {
  return (
    <UserMenu>
      <UserSummary />
      <Logout />
    </UserMenu>
  );
}
