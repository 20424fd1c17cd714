import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { AppAppBar } from './app-bar';
import { AppMenu } from './app-menu';

export function AppLayout({ children }: { children: ReactNode }) {
  return <Layout appBar={AppAppBar} menu={AppMenu}>{children}</Layout>;
}
