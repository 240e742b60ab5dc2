import { ChangeDetectionStrategy, Component, type OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';

import { AuthService } from '../../core/auth/auth.service';
import { CurrentAdmin } from '../../core/auth/current-admin';
import { SessionStore } from '../../core/auth/session-store';
import { LoadingState, ProblemBanner } from '../../shared/ui/page-states';

/** Signed in, but a member of no partner and no organization: say so, and what to do. */
@Component({
  selector: 'mtp-no-access-page',
  imports: [LoadingState, MatButtonModule, MatCardModule, ProblemBanner, RouterLink],
  providers: [CurrentAdmin],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>No portal access yet</h1>
    @if (admin.loading()) {
      <mtp-loading-state label="Checking your access…" />
    } @else if (admin.problem(); as problem) {
      <mtp-problem-banner [problem]="problem">
        <button mat-button type="button" (click)="admin.load(true)">Try again</button>
      </mtp-problem-banner>
    } @else {
      <mat-card appearance="outlined" class="card">
        <mat-card-content>
          <p>
            You are signed in as <strong>{{ name() }}</strong>, but your account is not an admin of
            any partner or organization yet, so there is nothing to manage here.
          </p>
          <p>
            Access is by invitation: ask an administrator of your partner to invite you to its portal,
            or an admin of your organization to add you. Once they have, sign in again.
          </p>
        </mat-card-content>
        <mat-card-actions class="actions">
          <a mat-stroked-button routerLink="/account">My account</a>
          <button mat-button type="button" (click)="signOut()">Sign out</button>
        </mat-card-actions>
      </mat-card>
    }
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-medium);
    }
    .card {
      max-width: 640px;
    }
    .card p:first-child {
      margin-top: 0;
    }
    .actions {
      gap: 8px;
      padding: 16px;
    }
  `,
})
export class NoAccessPage implements OnInit {
  private readonly auth = inject(AuthService);
  protected readonly admin = inject(CurrentAdmin);
  protected readonly name = inject(SessionStore).displayName;

  ngOnInit(): void {
    this.admin.load();
  }

  protected signOut(): void {
    this.auth.signOut().subscribe();
  }
}
