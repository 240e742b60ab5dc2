import { ChangeDetectionStrategy, Component, type OnInit, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import { CurrentAdmin } from '../../core/auth/current-admin';
import { SessionStore } from '../../core/auth/session-store';
import { LoadingState, ProblemBanner } from '../../shared/ui/page-states';
import { PartnerDashboard } from '../dashboard/partner-dashboard';
import { PartnerOrgs } from '../partner/orgs/partner-orgs';

/** The landing page: what the portal is for and the way in; once signed in, the admin's start. */
@Component({
  selector: 'mtp-home-page',
  imports: [LoadingState, MatButtonModule, MatCardModule, MatIconModule, PartnerDashboard, PartnerOrgs, ProblemBanner, RouterLink],
  providers: [CurrentAdmin],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
})
export class HomePage implements OnInit {
  private readonly store = inject(SessionStore);
  protected readonly admin = inject(CurrentAdmin);
  protected readonly signedIn = this.store.isSignedIn;
  protected readonly name = this.store.displayName;
  protected readonly email = computed(() => this.store.me()?.email ?? this.store.administrator()?.email ?? '');
  /** A partner's admin starts from the dashboard and the partner's organizations; anyone else from what they can do next. */
  protected readonly isPartnerMember = computed(() => (this.store.me()?.partnerMemberships.length ?? 0) > 0);

  protected readonly highlights = [
    {
      title: 'Every customer on one dashboard',
      text: 'See all the organizations you manage, with their users, devices and admins at a glance.',
    },
    {
      title: 'Launch into any organization',
      text: 'Open a full management session in a customer’s console without a separate admin account.',
    },
    {
      title: 'Verified, audited access',
      text: 'Organizations are linked only after their own admin confirms by email, and every action is recorded.',
    },
  ];

  ngOnInit(): void {
    if (this.signedIn()) {
      this.admin.load();
    }
  }
}
