import { Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm } from 'react-admin';

/** react-admin's login form under the platform's bilingual name. */
export function LoginPage() {
  return (
    <Login>
      <Typography variant="h6" component="h1" align="center" sx={{ mt: 1 }}>
        资助管理平台 / Zizhu
      </Typography>
      <LoginForm />
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
}
