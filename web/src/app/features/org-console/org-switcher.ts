import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { Router } from '@angular/router';
import { type OrgMembershipDto } from '@mtp/api-client';

/** Past this many orgs the menu offers a box to type part of a name or OrgID. */
const FILTER_FROM = 7;

/** Jumps to another org of the admin's, on the same tab of the console. */
@Component({
  selector: 'mtp-org-switcher',
  imports: [MatButtonModule, MatIconModule, MatMenuModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-stroked-button type="button" [matMenuTriggerFor]="orgMenu" aria-label="Switch organization" (menuOpened)="query.set('')">
      Switch organization
      <mat-icon svgIcon="chevron-down" aria-hidden="true" iconPositionEnd />
    </button>
    <mat-menu #orgMenu="matMenu" xPosition="before" class="mtp-org-switcher-menu">
      @if (orgs().length >= filterFrom) {
        <div class="filter">
          <input
            type="search"
            aria-label="Filter organizations"
            placeholder="Type to filter"
            [value]="query()"
            (click)="$event.stopPropagation()"
            (keydown)="$event.stopPropagation()"
            (input)="query.set($any($event.target).value)"
          />
        </div>
      }
      @for (org of shown(); track org.orgId) {
        <button mat-menu-item type="button" [disabled]="org.orgId === currentOrgId()" (click)="switchTo(org.orgId)">
          <span class="name">{{ org.orgName }}</span>
          <span class="id mtp-mono">{{ org.orgId }}</span>
        </button>
      } @empty {
        <p class="none">No organization matches.</p>
      }
    </mat-menu>
  `,
  styles: `
    .filter {
      padding: 8px 12px;
    }
    .filter input {
      box-sizing: border-box;
      width: 100%;
      padding: 8px;
      font: inherit;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
    }
    .name {
      display: block;
    }
    .id,
    .none {
      display: block;
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .none {
      padding: 8px 16px;
    }
  `,
})
export class OrgSwitcher {
  private readonly router = inject(Router);

  readonly orgs = input.required<readonly OrgMembershipDto[]>();
  readonly currentOrgId = input.required<string>();

  protected readonly filterFrom = FILTER_FROM;
  protected readonly query = signal('');
  protected readonly shown = computed(() => {
    const words = this.query().trim().toLowerCase();
    return this.orgs().filter((org) => !words || `${org.orgName} ${org.orgId}`.toLowerCase().includes(words));
  });

  protected switchTo(orgId: string): void {
    const segments = this.router.parseUrl(this.router.url).root.children['primary']?.segments ?? [];
    // Stay on the tab being looked at (users, systems...), without its filters, which were the other org's.
    const tab = segments.length > 2 ? [segments[2].path] : [];
    void this.router.navigate(['/orgs', orgId, ...tab]);
  }
}
