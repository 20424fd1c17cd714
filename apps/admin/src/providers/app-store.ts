import { localStorageStore, type Store } from 'react-admin';

const KEPT_ON_LOGOUT = ['locale'];

/** react-admin's store, except that logging out keeps the chosen language. */
export function appStore(): Store {
  const store = localStorageStore('1', 'Zizhu');
  return {
    ...store,
    reset() {
      const kept = KEPT_ON_LOGOUT.map((key) => [key, store.getItem(key)] as const);
      store.reset();
      for (const [key, value] of kept) if (value !== undefined) store.setItem(key, value);
    },
  };
}
