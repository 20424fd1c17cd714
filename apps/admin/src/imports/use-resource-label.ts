import { useTranslate } from 'react-admin';

/** The resource's name in the UI language, e.g. "学生" for `students`. */
export function useResourceLabel(resource: string): string {
  const translate = useTranslate();
  return translate(`resources.${resource}.name`, { smart_count: 2, _: resource });
}
