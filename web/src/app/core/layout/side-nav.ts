import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { RouterLink, RouterLinkActive } from '@angular/router';

import { SessionStore } from '../auth/session-store';
import { NAV_ITEMS } from './nav-items';

/** The list of the portal's pages in the side drawer. */
@Component({
  selector: 'mtp-side-nav',
  imports: [MatIconModule, MatListModule, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav aria-label="Main">
      <mat-nav-list>
        @for (item of items(); track item.path) {
          <a
            mat-list-item
            [routerLink]="item.path"
            routerLinkActive
            #active="routerLinkActive"
            [routerLinkActiveOptions]="{ exact: item.path === '/' }"
            ariaCurrentWhenActive="page"
            [activated]="active.isActive"
            (click)="navigated.emit()"
          >
            <mat-icon matListItemIcon [svgIcon]="item.icon" aria-hidden="true" />
            <span matListItemTitle>{{ item.label }}</span>
          </a>
        }
      </mat-nav-list>
    </nav>
  `,
})
export class SideNav {
  private readonly store = inject(SessionStore);

  /** Emitted when an entry is followed, so a drawer laid over the page can close. */
  readonly navigated = output<void>();

  protected readonly items = computed(() => {
    const audience = this.store.isSignedIn() ? 'signed-in' : 'signed-out';
    return NAV_ITEMS.filter((item) => item.audience === 'everyone' || item.audience === audience);
  });
}
