import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type HttpTestingController } from '@angular/common/http/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { getMe } from '@mtp/api-client';

import { buttonIn, expectCall, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { aMe } from '../../../../testing/session-fixtures';
import { NORTHWIND, aSettings, partnerPath, setUpPartner } from '../testing/partner-fixtures';

const SETTINGS = partnerPath('/settings');

describe('the partner settings page', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const loader = () => TestbedHarnessEnvironment.loader(harness.fixture);
  const input = (name: string) => loader().getHarness(MatInputHarness.with({ selector: `[formcontrolname="${name}"]` }));
  const toggle = (label: RegExp) => loader().getHarness(MatSlideToggleHarness.with({ label }));

  async function open(role: string, settings = aSettings()): Promise<void> {
    http = setUpPartner(role);
    harness = await RouterTestingHarness.create('/partner/settings');
    await settle(harness);
    expectCall(http, SETTINGS).flush(settings);
    await settle(harness);
  }

  it('shows the partner and its policy', async () => {
    await open('readonly');

    expect(text(page().querySelector('.facts'))).toContain('Managed service provider');
    expect(text(page().querySelector('.facts'))).toContain('Active');
    expect(await (await input('name')).getValue()).toBe('Northwind MSP');
    expect(await (await input('launchSessionMinutes')).getValue()).toBe('60');
    expect(await (await toggle(/Require a reason/)).isChecked()).toBe(false);
  });

  it('lets every role but an owner read the settings only', async () => {
    await open('manager');

    expect(await (await input('name')).isDisabled()).toBe(true);
    expect(await (await input('launchSessionMinutes')).isDisabled()).toBe(true);
    expect(await (await toggle(/Require a reason/)).isDisabled()).toBe(true);
    expect(() => buttonIn(page(), 'Save settings')).toThrow();
    expect(text(page())).toContain('Only an owner of the partner can change these settings.');
  });

  it('shows MFA as required for every admin, and never as something to turn off', async () => {
    await open('owner');

    const mfa = await toggle(/MFA required for every admin/);
    expect(await mfa.isChecked()).toBe(true);
    expect(await mfa.isDisabled()).toBe(true);
    expect(text(page())).toContain('this cannot be turned off');
  });

  it('saves an owner’s changes, says so, and refreshes the partner’s name elsewhere', async () => {
    await open('owner');
    await (await input('name')).setValue('Northwind Managed Services');
    await (await toggle(/Require a reason/)).check();
    await (await input('launchSessionMinutes')).setValue('120');
    buttonIn(page(), 'Save settings').click();
    await settle(harness);

    const request = expectCall(http, SETTINGS, 'PATCH');
    expect(request.request.body).toEqual({
      name: 'Northwind Managed Services',
      policy: { launchReasonRequired: true, launchSessionMinutes: 120 },
    });
    const saved = aSettings({ name: 'Northwind Managed Services', policy: { mfaRequired: true, launchReasonRequired: true, launchSessionMinutes: 120 } });
    request.flush(saved);
    await settle(harness);

    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Settings saved');
    http.expectOne(getMe.PATH).flush(aMe({ partnerMemberships: [{ ...NORTHWIND, partnerName: 'Northwind Managed Services', role: 'owner' }] }));
    expect(await (await input('name')).getValue()).toBe('Northwind Managed Services');
  });

  it('checks the session length before asking the server', async () => {
    await open('owner');
    await (await input('launchSessionMinutes')).setValue('600');
    buttonIn(page(), 'Save settings').click();
    await settle(harness);

    http.expectNone((request) => request.method === 'PATCH');
    expect(text(page().querySelector('mat-error'))).toBe('At most 480 minutes (8 hours).');
  });

  it('shows the API’s refusals on the fields they are about', async () => {
    await open('owner');
    buttonIn(page(), 'Save settings').click();
    await settle(harness);

    flushProblem(expectCall(http, SETTINGS, 'PATCH'), {
      title: 'Bad Request', status: 400, code: 'request.validation_failed',
      errors: [{ field: 'policy.launchSessionMinutes', messages: ['launchSessionMinutes must be at least 15'] }],
    });
    await settle(harness);

    expect(text(page().querySelector('mat-error'))).toBe('launchSessionMinutes must be at least 15');
  });

  it('shows a failure to load in words, with a way to try again', async () => {
    http = setUpPartner('owner');
    harness = await RouterTestingHarness.create('/partner/settings');
    await settle(harness);
    flushProblem(expectCall(http, SETTINGS), { title: 'Service Unavailable', status: 503 });
    await settle(harness);

    expect(text(page().querySelector('[role="alert"]'))).toContain('cannot reach the server');
    buttonIn(page(), 'Try again').click();
    await settle(harness);
    expectCall(http, SETTINGS).flush(aSettings());
    await settle(harness);
    expect(await (await input('name')).getValue()).toBe('Northwind MSP');
  });
});
