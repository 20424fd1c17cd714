import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { AppAppBar } from './app-bar';

export function AppLayout({ children }: { children: ReactNode }) {
  return <Layout appBar={AppAppBar}>{children}</Layout>;
}
