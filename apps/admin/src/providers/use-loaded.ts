import { useEffect, useState } from 'react';

/**
 * A value loaded once per `key` from one of the API's own endpoints (not a simple-rest
 * resource): `data` once loaded, `failed` if the call failed; a stale answer for an older
 * key (or after unmount) is dropped. No key, no call.
 */
export function useLoaded<T>(key: string | number | undefined, load: (key: string | number) => Promise<T>): { data?: T; failed: boolean } {
  const [data, setData] = useState<T>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (key == null) return;
    let alive = true;
    load(key).then(
      (loaded) => alive && setData(loaded),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
    // Callers pass module-level fetchers: in practice the key alone decides what to load.
  }, [key, load]);
  return { data, failed };
}
