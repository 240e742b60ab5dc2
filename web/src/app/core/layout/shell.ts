import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatSidenavModule } from '@angular/material/sidenav';
import { RouterOutlet } from '@angular/router';
import { map } from 'rxjs';

import { SideNav } from './side-nav';
import { TopBar } from './top-bar';

const NARROW_SCREEN = '(max-width: 799.98px)';

/** The portal's frame: top bar, side navigation, and the current page. */
@Component({
  selector: 'mtp-shell',
  imports: [MatSidenavModule, RouterOutlet, SideNav, TopBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  /** On narrow screens the navigation is a drawer over the page instead of a column beside it. */
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
}
