import type TestAgent from 'supertest/lib/agent.js';

/** A record as AdminJS's JSON API answers it: what staff would see. */
export interface RecordJson {
  id: string;
  title: string;
  params: Record<string, unknown>;
  populated: Record<string, { id: string; title: string } | null>;
  errors: Record<string, { message: string }>;
  recordActions: { name: string; guard?: string }[];
}

export interface ActionBody {
  notice?: { message: string; type: string };
  redirectUrl?: string;
  record: RecordJson;
  records?: RecordJson[];
}

/** AdminJS's JSON API as its pages call it, for a signed-in staff browser. */
export function adminApi(browser: TestAgent) {
  return {
    list: async (resource: string, query: Record<string, string> = {}): Promise<ActionBody> =>
      (await browser.get(`/admin/api/resources/${resource}/actions/list`).query(query).expect(200)).body,
    show: async (resource: string, id: string): Promise<ActionBody> => (await browser.get(`/admin/api/resources/${resource}/records/${id}/show`).expect(200)).body,
    /** A form-less record action as AdminJS's button runs it: a GET from its own script. */
    click: async (resource: string, id: string, action: string): Promise<ActionBody> =>
      (await browser.get(`/admin/api/resources/${resource}/records/${id}/${action}`).set('sec-fetch-site', 'same-origin').set('sec-fetch-mode', 'cors').expect(200)).body,
    /** The same URL followed from a link on another site. */
    crossSite: async (resource: string, id: string, action: string): Promise<ActionBody> =>
      (await browser.get(`/admin/api/resources/${resource}/records/${id}/${action}`).set('sec-fetch-site', 'cross-site').set('sec-fetch-mode', 'navigate').expect(200)).body,
    recordAction: async (resource: string, id: string, action: string): Promise<ActionBody> =>
      (await browser.post(`/admin/api/resources/${resource}/records/${id}/${action}`).expect(200)).body,
    newRecord: async (resource: string, fields: Record<string, string>): Promise<ActionBody> =>
      (await browser.post(`/admin/api/resources/${resource}/actions/new`).type('form').send(fields).expect(200)).body,
  };
}

export const actionNames = (record: RecordJson): string[] => record.recordActions.map((action) => action.name).sort();

/** The query a redirect to a form carries: what AdminJS's form is filled in with. */
export function formLink(redirectUrl: string | undefined): { path: string; values: Record<string, string> } {
  const url = new URL(redirectUrl ?? '', 'http://backoffice.invalid');
  return { path: url.pathname, values: Object.fromEntries(url.searchParams) };
}
