import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type PortfolioOverviewDto } from '@mtp/api-client';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';

import {
  MFA_BAND_OPTIONS,
  SYSTEMS_BY_OS_OPTIONS,
  USERS_PER_ORG_OPTIONS,
  mfaBandData,
  mfaBandRows,
  systemsByOsData,
  systemsByOsRows,
  total,
  usersChartHeight,
  usersPerOrgData,
  usersPerOrgRows,
} from './chart-data';

/**
 * The overview's three charts. Each canvas is hidden from screen readers, and a visually hidden
 * table with the same figures follows it. The dashboard loads it on its own once the figures are
 * there, so Chart.js stays out of the home page's chunk.
 */
@Component({
  selector: 'mtp-dashboard-charts',
  imports: [BaseChartDirective, DecimalPipe],
  // Only the pieces these charts draw with, not all of Chart.js.
  providers: [
    provideCharts({
      registerables: [BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip],
    }),
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard-charts.html',
  styleUrl: './dashboard-charts.scss',
})
export class DashboardCharts {
  readonly overview = input.required<PortfolioOverviewDto>();

  protected readonly usersRows = computed(() => usersPerOrgRows(this.overview().largestOrgs));
  protected readonly usersData = computed(() => usersPerOrgData(this.usersRows()));
  protected readonly usersHeight = computed(() => usersChartHeight(this.usersRows().length));
  protected readonly bandRows = computed(() => mfaBandRows(this.overview().mfaCoverageBands));
  protected readonly bandData = computed(() => mfaBandData(this.bandRows()));
  protected readonly bandOrgs = computed(() => total(this.bandRows()));
  protected readonly osRows = computed(() => systemsByOsRows(this.overview().systemsByOs));
  protected readonly osData = computed(() => systemsByOsData(this.osRows()));
  protected readonly systems = computed(() => total(this.osRows()));

  protected readonly usersOptions = USERS_PER_ORG_OPTIONS;
  protected readonly bandOptions = MFA_BAND_OPTIONS;
  protected readonly osOptions = SYSTEMS_BY_OS_OPTIONS;
}
