import { mfaBandRows, systemsByOsRows, total, usersChartHeight, usersPerOrgData, usersPerOrgRows } from './chart-data';

describe('the chart data', () => {
  it('puts the orgs with the most users first, twenty at most', () => {
    const orgs = Array.from({ length: 25 }, (_, index) => ({ orgId: String(index), name: `Org ${index}`, users: index * 10 }));

    const rows = usersPerOrgRows(orgs);

    expect(rows).toHaveLength(20);
    expect(rows[0]).toEqual({ label: 'Org 24', value: 240 });
    expect(rows[19]).toEqual({ label: 'Org 5', value: 50 });
    expect(usersPerOrgData(rows.slice(0, 2))).toMatchObject({
      labels: ['Org 24', 'Org 23'],
      datasets: [{ label: 'Users', data: [240, 230] }],
    });
  });

  it('reads every MFA band in order with its label, a band left out counting no orgs', () => {
    const rows = mfaBandRows([
      { band: 'full', orgs: 4 },
      { band: 'below50', orgs: 2 },
      { band: '80to94', orgs: 7 },
    ]);

    expect(rows).toEqual([
      { label: 'No active users', value: 0 },
      { label: '< 50 %', value: 2 },
      { label: '50–79 %', value: 0 },
      { label: '80–94 %', value: 7 },
      { label: '95–99 %', value: 0 },
      { label: '100 %', value: 4 },
    ]);
    expect(total(rows)).toBe(13);
  });

  it('names the operating systems as people know them', () => {
    expect(systemsByOsRows({ windows: 3, macos: 2, linux: 1, other: 0 })).toEqual([
      { label: 'Windows', value: 3 },
      { label: 'macOS', value: 2 },
      { label: 'Linux', value: 1 },
      { label: 'Other', value: 0 },
    ]);
  });

  it('gives each org bar room, with a floor for a short list', () => {
    expect(usersChartHeight(1)).toBe(160);
    expect(usersChartHeight(20)).toBe(560);
  });
});
