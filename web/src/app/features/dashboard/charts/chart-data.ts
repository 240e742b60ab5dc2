import { type ChartData, type ChartOptions } from 'chart.js';
import { type MfaCoverageBandDto, type OrgUsersBarDto, type SystemsByOsDto } from '@mtp/api-client';

import { osWord } from '../../org-console/org-words';
import { MFA_BANDS } from '../dashboard-words';

/** One bar or slice, as the chart draws it and as its text alternative reads it. */
export interface ChartRow {
  readonly label: string;
  readonly value: number;
}

/** How many orgs the users chart shows: the overview sends the 20 largest. */
export const LARGEST_ORGS = 20;

const PRIMARY = '#005cbb';

/** From no coverage (grey) through poor (red) to full (green), so the bands read at a glance. */
const BAND_COLORS = ['#8f9099', '#ba1a1a', '#e8710a', '#d4a000', '#7cb342', '#2e7d32'];

const OS_FAMILIES: readonly (keyof SystemsByOsDto)[] = ['windows', 'macos', 'linux', 'other'];
const OS_COLORS = ['#005cbb', '#8f9099', '#e8710a', '#8e5bd0'];

export function usersPerOrgRows(orgs: readonly OrgUsersBarDto[]): ChartRow[] {
  return [...orgs]
    .sort((a, b) => b.users - a.users)
    .slice(0, LARGEST_ORGS)
    .map((org) => ({ label: org.name, value: org.users }));
}

/** Every band in order, a band the API left out counting no orgs. */
export function mfaBandRows(bands: readonly MfaCoverageBandDto[]): ChartRow[] {
  return MFA_BANDS.map(({ band, label }) => ({
    label,
    value: bands.find((entry) => entry.band === band)?.orgs ?? 0,
  }));
}

export function systemsByOsRows(systems: SystemsByOsDto): ChartRow[] {
  return OS_FAMILIES.map((family) => ({ label: osWord(family), value: systems[family] }));
}

export function total(rows: readonly ChartRow[]): number {
  return rows.reduce((sum, row) => sum + row.value, 0);
}

export function usersPerOrgData(rows: readonly ChartRow[]): ChartData<'bar', number[], string> {
  return {
    labels: rows.map((row) => row.label),
    datasets: [{ label: 'Users', data: rows.map((row) => row.value), backgroundColor: PRIMARY, borderRadius: 4 }],
  };
}

export function mfaBandData(rows: readonly ChartRow[]): ChartData<'bar', number[], string> {
  return {
    labels: rows.map((row) => row.label),
    datasets: [{ label: 'Organizations', data: rows.map((row) => row.value), backgroundColor: BAND_COLORS, borderRadius: 4 }],
  };
}

export function systemsByOsData(rows: readonly ChartRow[]): ChartData<'doughnut', number[], string> {
  return {
    labels: rows.map((row) => row.label),
    datasets: [{ label: 'Systems', data: rows.map((row) => row.value), backgroundColor: OS_COLORS }],
  };
}

/** Counts are whole: no "2.5 users" ticks on a small axis. */
const COUNT_AXIS = { beginAtZero: true, ticks: { precision: 0 } } as const;

export const USERS_PER_ORG_OPTIONS: ChartOptions<'bar'> = {
  indexAxis: 'y',
  responsive: true,
  maintainAspectRatio: false,
  plugins: { legend: { display: false } },
  scales: { x: COUNT_AXIS },
};

export const MFA_BAND_OPTIONS: ChartOptions<'bar'> = {
  responsive: true,
  maintainAspectRatio: false,
  plugins: { legend: { display: false } },
  scales: {
    x: { title: { display: true, text: 'Active users with MFA' } },
    y: { ...COUNT_AXIS, title: { display: true, text: 'Organizations' } },
  },
};

export const SYSTEMS_BY_OS_OPTIONS: ChartOptions<'doughnut'> = {
  responsive: true,
  maintainAspectRatio: false,
  plugins: { legend: { position: 'bottom' } },
};

/** The users chart grows with its bars so twenty names stay readable. */
export function usersChartHeight(bars: number): number {
  return Math.max(160, bars * 26 + 40);
}
