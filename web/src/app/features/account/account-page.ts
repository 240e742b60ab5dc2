import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, type OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';

import { CurrentAdmin } from '../../core/auth/current-admin';
import { LoadingState, ProblemBanner } from '../../shared/ui/page-states';
import { ChangePasswordCard } from './change-password-card';
import { RecoveryCodesCard } from './recovery-codes-card';
import { SignOutEverywhereCard } from './sign-out-everywhere-card';

/** The signed-in admin's own account: who they are, their password, MFA and sessions. */
@Component({
  selector: 'mtp-account-page',
  imports: [
    ChangePasswordCard,
    DatePipe,
    LoadingState,
    MatButtonModule,
    MatCardModule,
    ProblemBanner,
    RecoveryCodesCard,
    SignOutEverywhereCard,
  ],
  providers: [CurrentAdmin],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-page.html',
  styleUrl: './account-page.scss',
})
export class AccountPage implements OnInit {
  protected readonly admin = inject(CurrentAdmin);

  ngOnInit(): void {
    // Fresh figures: the recovery codes left change as codes are used, elsewhere too.
    this.admin.load(true);
  }

  protected reload(): void {
    this.admin.load(true);
  }
}
