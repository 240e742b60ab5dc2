import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink } from '@angular/router';

import { ApiStatusIndicator } from '../api/api-status-indicator';
import { AuthService } from '../auth/auth.service';
import { SessionStore } from '../auth/session-store';
import { PartnerOrgSwitcher } from '../../features/partner/directory/org-switcher';
import { partnerRoleOf } from '../../features/partner/partner-role';

/**
 * The bar across the top: product name, for a partner's admins the finder of its orgs, API status,
 * and who is signed in, with their menu.
 */
@Component({
  selector: 'mtp-top-bar',
  imports: [ApiStatusIndicator, MatButtonModule, MatIconModule, MatMenuModule, MatToolbarModule, PartnerOrgSwitcher, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './top-bar.html',
  styleUrl: './top-bar.scss',
})
export class TopBar {
  private readonly auth = inject(AuthService);
  private readonly store = inject(SessionStore);

  protected readonly signedIn = this.store.isSignedIn;
  protected readonly name = computed(() => this.store.displayName() ?? 'Signed in');
  protected readonly email = computed(() => this.store.me()?.email ?? this.store.administrator()?.email ?? '');
  protected readonly partnerMember = computed(() => this.signedIn() && partnerRoleOf(this.store.me()) !== null);

  /** Whether to show the button that opens the navigation drawer (narrow screens). */
  readonly showMenuButton = input(false);
  readonly menuToggle = output<void>();

  protected signOut(): void {
    this.auth.signOut().subscribe();
  }
}
