import { Directive, InjectionToken, inject, input } from '@angular/core';
import { type ChartComponentLike, type ChartData, type ChartOptions, type ChartType } from 'chart.js';

/*
 * A stand-in for ng2-charts in unit tests: `jest.mock('ng2-charts', () => jest.requireActual(<this file>))`.
 * jsdom has no canvas to draw on, and ng2-charts needs lodash-es, an ES module jest's CommonJS
 * runtime cannot load. The stand-in keeps the directive's selector and inputs, so a template
 * binding a wrong input still fails, and it keeps what it was given for the test to read.
 */

export interface NgChartsConfiguration {
  readonly registerables?: readonly ChartComponentLike[];
}

export const NG_CHARTS_CONFIGURATION = new InjectionToken<NgChartsConfiguration>('NG_CHARTS_CONFIGURATION');

export function provideCharts(...configurations: NgChartsConfiguration[]): { provide: typeof NG_CHARTS_CONFIGURATION; useValue: NgChartsConfiguration } {
  return {
    provide: NG_CHARTS_CONFIGURATION,
    useValue: { registerables: configurations.flatMap((configuration) => configuration.registerables ?? []) },
  };
}

export function withDefaultRegisterables(...registerables: ChartComponentLike[]): NgChartsConfiguration {
  return { registerables };
}

@Directive({
  // eslint-disable-next-line @angular-eslint/directive-selector -- the selector of the directive it stands in for
  selector: 'canvas[baseChart]',
  exportAs: 'base-chart',
})
export class BaseChartDirective {
  /** What the component registered with Chart.js for this chart. */
  readonly config = inject(NG_CHARTS_CONFIGURATION, { optional: true });

  readonly type = input<ChartType>('bar');
  readonly data = input<ChartData>();
  readonly options = input<ChartOptions>();
  readonly legend = input<boolean>();
  readonly labels = input<unknown[]>();
  readonly datasets = input<unknown[]>();
  readonly plugins = input<unknown[]>([]);
}
