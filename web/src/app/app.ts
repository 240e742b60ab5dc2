import { ChangeDetectionStrategy, Component } from '@angular/core';

import { Shell } from './core/layout/shell';

@Component({
  selector: 'mtp-root',
  imports: [Shell],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<mtp-shell />',
  styles: ':host { display: block; height: 100%; }',
})
export class App {}
