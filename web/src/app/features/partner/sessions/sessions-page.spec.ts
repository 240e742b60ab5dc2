import { type HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type LaunchSessionDto } from '@mtp/api-client';

import { HandClock, aLaunch, aLaunchSession } from '../../../../testing/launch-fixtures';
import { ACME, GLOBEX, buttonIn, expectCall, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { LAUNCH_CLOCK } from '../../../core/launch/launch-clock';
import { LaunchStore } from '../../../core/launch/launch-store';
import { partnerPath, queryOf, setUpPartner } from '../testing/partner-fixtures';
import { ENDED_FROM_LIST } from './sessions-page';

const SESSIONS = partnerPath('/sessions');
const GRACE = { id: 'a2', email: 'grace@partner.example', name: 'Grace Hopper' };

jest.setTimeout(30_000);

describe('the launch sessions page of the partner', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let clock: HandClock;

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const rows = () => Array.from(page().querySelectorAll('table[aria-label="Launch sessions"] tr[data-session-id]'), (row) =>
    Array.from(row.querySelectorAll('td'), (cell) => text(cell)),
  );

  async function open(role = 'owner'): Promise<void> {
    clock = new HandClock();
    http = setUpPartner(role, [{ provide: LAUNCH_CLOCK, useValue: clock }]);
    harness = await RouterTestingHarness.create('/partner/sessions');
    await settle(harness);
  }

  async function answer(query: Record<string, string>, items: LaunchSessionDto[], nextBefore: string | null = null): Promise<void> {
    const request = expectCall(http, SESSIONS);
    expect(queryOf(request)).toEqual(query);
    request.flush({ items, nextBefore });
    await settle(harness);
  }

  const acme = aLaunchSession(ACME, { id: 's-acme', reason: 'Printer GPO', ticket: 'PSA-1' });
  const globex = aLaunchSession(GLOBEX, { id: 's-globex', admin: GRACE, role: 'helpdesk', expiresAt: new Date(Date.parse(acme.startedAt) + 5 * 60_000).toISOString() });

  it('lists the active sessions: org, admin, reason and ticket, start and time left', async () => {
    await open();
    await answer({ state: 'active', limit: '25' }, [acme, globex]);

    expect(text(page().querySelector('h1'))).toBe('Launch sessions');
    expect(text(page())).toContain('The sessions in which your partner’s admins manage its organizations');
    const [first, second] = rows();
    expect(first.slice(0, 3)).toEqual([`Acme Manufacturing ${ACME.orgId}`, 'Ada Lovelace ada@partner.example', 'Printer GPO Ticket PSA-1']);
    expect(first[3]).toMatch(/^Nov 20, 2026/);
    expect(first[4]).toBe('30 minutes left');
    expect(second.slice(1, 3)).toEqual(['Grace Hopper grace@partner.example', '—']);
    expect(second[4]).toBe('5 minutes left');
    expect(page().querySelector('[aria-label="End the session of Grace Hopper in Globex Retail"]')).not.toBeNull();
  });

  it('ends a session from its row, and lists again', async () => {
    await open();
    await answer({ state: 'active', limit: '25' }, [acme, globex]);

    page().querySelector<HTMLButtonElement>('[aria-label="End the session of Grace Hopper in Globex Retail"]')!.click();
    await settle(harness);
    expectCall(http, partnerPath('/sessions/s-globex/end'), 'POST').flush({ ...globex, state: 'ended', endedReason: 'ended_by_partner_admin' });
    await settle(harness);

    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Ended the session of Grace Hopper in Globex Retail');
    await answer({ state: 'active', limit: '25' }, [acme]);
    expect(rows().length).toBe(1);
  });

  it('stops this tab’s console of a session ended from the list', async () => {
    await open();
    TestBed.inject(LaunchStore).hold(aLaunch(ACME, 'launch-acme', { id: 's-acme' }));
    await answer({ state: 'active', limit: '25' }, [acme]);

    buttonIn(page(), 'End').click();
    await settle(harness);
    expectCall(http, partnerPath('/sessions/s-acme/end'), 'POST').flush({ ...acme, state: 'ended', endedReason: 'ended_by_admin' });
    await settle(harness);
    await answer({ state: 'active', limit: '25' }, []);

    expect(TestBed.inject(LaunchStore).tokenFor(ACME.orgId)).toBeNull();
    expect(TestBed.inject(LaunchStore).endedOf(ACME.orgId)?.detail).toBe(ENDED_FROM_LIST);
    expect(text(page())).toContain('No session is active now.');
  });

  it('includes the ended sessions on demand, saying how each ended, and pages by nextBefore', async () => {
    await open();
    await answer({ state: 'active', limit: '25' }, [acme]);

    page().querySelector<HTMLButtonElement>('mat-slide-toggle button')!.click();
    await settle(harness);
    const ended = aLaunchSession(GLOBEX, { id: 's-old', state: 'ended', endedReason: 'org_detached', endedAt: '2026-11-20T10:05:00.000Z' });
    await answer({ state: 'all', limit: '25' }, [acme, ended], 'cursor-2');

    expect(rows()[1][4]).toMatch(/^Ended Nov 20, 2026.*The organization left the partner$/);
    expect(page().querySelector('[aria-label^="End the session of"][aria-label$="Globex Retail"]')).toBeNull();

    buttonIn(page(), 'Next').click();
    await settle(harness);
    await answer({ state: 'all', limit: '25', before: 'cursor-2' }, [aLaunchSession(ACME, { id: 's-older', state: 'ended', endedReason: 'expired' })]);
    expect(rows()[0][4]).toMatch(/Its time ran out$/);
  });

  it('shows other roles their own sessions, as the API chooses them', async () => {
    await open('helpdesk');
    await answer({ state: 'active', limit: '25' }, []);

    expect(text(page())).toContain('Your sessions in the organizations of your partner');
    expect(text(page())).toContain('No session is active now.');
  });

  it('says when the list cannot be loaded', async () => {
    await open('manager');
    flushProblem(expectCall(http, SESSIONS), { title: 'Service Unavailable', status: 503 });
    await settle(harness);

    expect(text(page().querySelector('[role="alert"]'))).toContain('cannot reach the server');
  });

  it('is not open to read-only admins, who never launch', async () => {
    await open('readonly');

    expect(TestBed.inject(Router).url).not.toBe('/partner/sessions');
    http.match(() => true);
  });
});
