import { type HttpTestingController } from '@angular/common/http/testing';
import { type RouterTestingHarness } from '@angular/router/testing';

import { aLaunchSession } from '../../../../testing/launch-fixtures';
import { ACME, buttonIn, expectCall, openConsole, orgPath, settle, setUpConsole, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { queryOf } from '../../partner/testing/partner-fixtures';

const ACCESS = orgPath(ACME.orgId, '/partner-access');

describe('the partner access tab of an org’s own console', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    http = setUpConsole();
  });
  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const rows = () => Array.from(page().querySelectorAll('table[aria-label="Partner access"] tr[data-session-id]'), (row) =>
    Array.from(row.querySelectorAll('td'), (cell) => text(cell)),
  );

  async function showAccess(): Promise<void> {
    harness = await openConsole(http, `/orgs/${ACME.orgId}/partner-access`);
    await settle(harness);
  }

  it('is a tab of the console for the org’s own admins', async () => {
    await showAccess();
    expectCall(http, ACCESS).flush({ items: [], nextBefore: null });
    await settle(harness);

    const tabs = Array.from(page().querySelectorAll('nav[mat-tab-nav-bar] a'), (tab) => text(tab));
    expect(tabs.at(-1)).toBe('Partner access');
    expect(text(page())).toContain('No partner has launched into this organization yet.');
  });

  it('lists each session: partner, admin, role, reason, ticket, start, and how it ended', async () => {
    await showAccess();
    const first = expectCall(http, ACCESS);
    expect(queryOf(first)).toEqual({ limit: '25' });
    first.flush({
      items: [
        aLaunchSession(ACME, {
          id: 's2', role: 'helpdesk', reason: 'Locked-out CEO', ticket: 'PSA-4411',
          admin: { id: 'a2', email: 'grace@partner.example', name: 'Grace Hopper' },
        }),
        aLaunchSession(ACME, {
          id: 's1', state: 'ended', endedReason: 'ended_by_partner_admin', endedAt: '2026-11-20T10:12:00.000Z',
          admin: { id: 'a1', email: 'ada@partner.example', name: null },
        }),
      ],
      nextBefore: 'cursor-1',
    });
    await settle(harness);

    const [active, ended] = rows();
    expect(active.slice(0, 5)).toEqual(['Northwind MSP', 'Grace Hopper grace@partner.example', 'Helpdesk', 'Locked-out CEO', 'PSA-4411']);
    expect(active[5]).toMatch(/^Nov 20, 2026/);
    expect(active[6]).toMatch(/^Active until/);
    expect(ended.slice(1, 5)).toEqual(['ada@partner.example', 'Owner', '—', '—']);
    expect(ended[6]).toMatch(/Nov 20, 2026.*Ended by another admin of the partner$/);

    buttonIn(page(), 'Load more').click();
    await settle(harness);
    const next = expectCall(http, ACCESS);
    expect(queryOf(next)).toEqual({ limit: '25', before: 'cursor-1' });
    next.flush({ items: [aLaunchSession(ACME, { id: 's0', state: 'ended', endedReason: 'expired', endedAt: '2026-11-19T10:30:00.000Z' })], nextBefore: null });
    await settle(harness);

    expect(rows().length).toBe(3);
    expect(rows()[2][6]).toMatch(/Its time ran out$/);
    expect(Array.from(page().querySelectorAll('button'), (button) => text(button))).not.toContain('Load more');
  });

  it('says when the list cannot be loaded, with a way to try again', async () => {
    await showAccess();
    flushProblem(expectCall(http, ACCESS), { title: 'Service Unavailable', status: 503 });
    await settle(harness);

    expect(text(page().querySelector('[role="alert"]'))).toContain('cannot reach the server');
    buttonIn(page(), 'Try again').click();
    await settle(harness);
    expectCall(http, ACCESS).flush({ items: [], nextBefore: null });
  });
});
