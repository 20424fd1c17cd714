import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier } from 'react-admin';
import { API_URL, httpClient } from './http-client';

/** ra-data-simple-rest, plus the audited reveal of one masked field. */
export interface ZizhuDataProvider extends DataProvider {
  reveal(resource: string, id: Identifier, field: string): Promise<string>;
}

const rest = simpleRestProvider(API_URL, httpClient);

export const dataProvider: ZizhuDataProvider = {
  ...rest,
  async reveal(resource, id, field) {
    const { json } = await httpClient<{ value: string }>(
      `${API_URL}/${resource}/${encodeURIComponent(String(id))}/reveal`,
      { method: 'POST', body: JSON.stringify({ field }) },
    );
    return json.value;
  },
};
