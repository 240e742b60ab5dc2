import { type OrgActivityEventDto } from '@mtp/api-client';

import { actionWords } from './org-words';

const event = (action: string) => ({ action }) as OrgActivityEventDto;

describe('activity words', () => {
  it('says in words how a partner came to manage the org', () => {
    expect(actionWords(event('verification.verified'))).toBe('verified a partner’s request to manage the organization');
    expect(actionWords(event('partners.org.attached'))).toBe('put the organization under a partner’s management');
  });

  it('shows an action it does not know as the API names it, rather than nothing', () => {
    expect(actionWords(event('launch.started'))).toBe('launch.started');
  });
});
