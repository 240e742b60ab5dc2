import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';

import { ProblemBanner } from '../../../shared/ui/page-states';
import { DASHBOARD_NOW } from '../dashboard-clock';
import { expiryWords, personName } from '../dashboard-words';
import { UserList } from './user-list';

/** How far ahead the widget looks, as the Passwords expiring figure does. */
export const EXPIRY_WINDOW_DAYS = 14;

/** Passwords expired or expiring within 14 days across the orgs, soonest (the expired) first. */
@Component({
  selector: 'mtp-password-expiry-widget',
  imports: [DatePipe, MatButtonModule, MatProgressBarModule, MatTableModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './password-expiry-widget.html',
  styleUrl: './widget.scss',
})
export class PasswordExpiryWidget {
  private readonly now = inject(DASHBOARD_NOW);
  protected readonly list = new UserList(
    { sort: 'passwordExpiresAt', order: 'asc', passwordExpiresWithinDays: EXPIRY_WINDOW_DAYS },
    'Loading the password expirations',
  );
  protected readonly columns = ['user', 'org', 'expires'];
  protected readonly personName = personName;

  protected expiryOf(expiresAt: string): ReturnType<typeof expiryWords> {
    return expiryWords(expiresAt, this.now());
  }
}
