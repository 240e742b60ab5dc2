import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router } from '@angular/router';

import { PartnerOrgs } from '../orgs/partner-orgs';
import { PortfolioSystems } from './portfolio-systems';
import { PortfolioUsers } from './portfolio-users';

const TABS = ['orgs', 'users', 'systems'] as const;

/**
 * Everything the partner manages, across its orgs: the orgs, their users, their systems. The tab
 * shown is in the address (`?tab=users`), so a link or a reload opens the same one.
 */
@Component({
  selector: 'mtp-directory-page',
  imports: [MatTabsModule, PartnerOrgs, PortfolioSystems, PortfolioUsers],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="title">Organizations</h1>
    <mat-tab-group
      mat-stretch-tabs="false"
      preserveContent
      [selectedIndex]="index()"
      (selectedIndexChange)="select($event)"
      aria-label="Organizations, users and systems"
    >
      <mat-tab label="Organizations">
        <ng-template matTabContent><mtp-partner-orgs class="tab" /></ng-template>
      </mat-tab>
      <mat-tab label="Users">
        <ng-template matTabContent><mtp-portfolio-users class="tab" /></ng-template>
      </mat-tab>
      <mat-tab label="Systems">
        <ng-template matTabContent><mtp-portfolio-systems class="tab" /></ng-template>
      </mat-tab>
    </mat-tab-group>
  `,
  styles: `
    .title {
      margin: 8px 0 16px;
      font: var(--mat-sys-headline-medium);
    }
    .tab {
      display: block;
      padding-top: 16px;
    }
  `,
})
export class DirectoryPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** From the address: orgs (the default), users or systems. */
  readonly tab = input<string>();

  protected readonly index = computed(() => Math.max(0, TABS.indexOf(this.tab() as (typeof TABS)[number])));

  protected select(index: number): void {
    const tab = TABS[index];
    void this.router.navigate([], { relativeTo: this.route, queryParams: { tab: tab === 'orgs' ? null : tab }, replaceUrl: true });
  }
}
