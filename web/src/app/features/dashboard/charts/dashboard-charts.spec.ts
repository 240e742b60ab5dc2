import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { ArcElement, BarController, DoughnutController } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';

import { text } from '../../../../testing/org-console-fixtures';
import { anOverview, rowsOf, settle } from '../testing/dashboard-fixtures';
import { type BaseChartDirective as FakeChart } from '../testing/fake-charts';
import { DashboardCharts } from './dashboard-charts';

jest.mock('ng2-charts', () => jest.requireActual('../testing/fake-charts'));

describe('the dashboard charts', () => {
  let fixture: ComponentFixture<DashboardCharts>;

  async function render(overview = anOverview()): Promise<void> {
    fixture = TestBed.createComponent(DashboardCharts);
    fixture.componentRef.setInput('overview', overview);
    await settle(fixture);
  }

  const page = () => fixture.nativeElement as HTMLElement;
  const chart = (name: string) => page().querySelector(`[data-chart="${name}"]`);
  const charts = () => fixture.debugElement.queryAll(By.directive(BaseChartDirective)).map((element) => element.injector.get(BaseChartDirective) as unknown as FakeChart);

  it('draws users per org as horizontal bars, MFA bands as bars and systems as a doughnut', async () => {
    await render();

    const [users, bands, systems] = charts();
    expect(users.type()).toBe('bar');
    expect(users.options()).toMatchObject({ indexAxis: 'y' });
    expect(users.data()).toMatchObject({
      labels: ['Acme Manufacturing', 'Globex Retail', 'Initech'],
      datasets: [{ data: [700, 400, 150] }],
    });
    expect(bands.type()).toBe('bar');
    expect(bands.data()).toMatchObject({
      labels: ['No active users', '< 50 %', '50–79 %', '80–94 %', '95–99 %', '100 %'],
      datasets: [{ data: [1, 0, 1, 2, 0, 1] }],
    });
    expect(systems.type()).toBe('doughnut');
    expect(systems.data()).toMatchObject({ labels: ['Windows', 'macOS', 'Linux', 'Other'], datasets: [{ data: [250, 90, 55, 5] }] });
    expect(users.config?.registerables).toEqual(expect.arrayContaining([BarController, DoughnutController, ArcElement]));
  });

  it('hides the canvases from screen readers and gives them the figures as tables', async () => {
    await render();

    expect(Array.from(page().querySelectorAll('canvas'), (canvas) => canvas.getAttribute('aria-hidden'))).toEqual(['true', 'true', 'true']);
    expect(text(chart('users-per-org')!.querySelector('h3'))).toBe('Users per organization');
    expect(text(chart('users-per-org')!.querySelector('caption'))).toBe('Users per organization, the 3 largest');
    expect(rowsOf(chart('systems-by-os')!.querySelector('table'))).toEqual([
      ['Windows', '250'],
      ['macOS', '90'],
      ['Linux', '55'],
      ['Other', '5'],
    ]);
  });

  it('says so instead of drawing an empty chart', async () => {
    await render(anOverview({ largestOrgs: [], mfaCoverageBands: [], systemsByOs: { windows: 0, macos: 0, linux: 0, other: 0 } }));

    expect(charts()).toHaveLength(0);
    expect(text(chart('users-per-org'))).toContain('No organizations yet.');
    expect(text(chart('mfa-coverage'))).toContain('No organizations yet.');
    expect(text(chart('systems-by-os'))).toContain('No systems yet.');
  });
});
