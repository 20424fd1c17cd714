import { useTranslate } from 'react-admin';

export function AppTitle() {
  const translate = useTranslate();
  return <>{translate('zizhu.title')}</>;
}
