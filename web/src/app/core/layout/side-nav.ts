import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { RouterLink, RouterLinkActive } from '@angular/router';

import { SessionStore } from '../auth/session-store';
import { isOrgOnlyAdmin, landingUrl } from '../auth/sign-in-flow';
import { NAV_ITEMS, type NavItem } from './nav-items';

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
    const me = this.store.me();
    const partnerRole = me?.partnerMemberships[0]?.role;
    const items = NAV_ITEMS.filter(
      (item) =>
        (item.audience === 'everyone' || item.audience === audience) &&
        (!item.partnerRoles || (!!partnerRole && item.partnerRoles.includes(partnerRole))),
    );
    if (audience === 'signed-in' && isOrgOnlyAdmin(me)) {
      // A customer's own admin has no partner portal: their start is their org's console.
      const console: NavItem = { label: 'Organization', path: landingUrl(me), icon: 'home', audience: 'signed-in' };
      return [console, ...items.filter((item) => item.path !== '/')];
    }
    return items;
  });
}
