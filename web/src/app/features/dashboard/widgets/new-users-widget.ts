import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';

import { ProblemBanner } from '../../../shared/ui/page-states';
import { stateWord } from '../../org-console/org-words';
import { personName } from '../dashboard-words';
import { UserList } from './user-list';

/** How far back the widget looks, as the New users figure does. */
export const NEW_USERS_DAYS = 7;

/** The users created across the orgs in the last 7 days, newest first. */
@Component({
  selector: 'mtp-new-users-widget',
  imports: [DatePipe, MatButtonModule, MatProgressBarModule, MatTableModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './new-users-widget.html',
  styleUrl: './widget.scss',
})
export class NewUsersWidget {
  protected readonly list = new UserList(
    { createdWithinDays: NEW_USERS_DAYS, sort: 'createdAt', order: 'desc' },
    'Loading the new users',
  );
  protected readonly columns = ['user', 'org', 'state', 'created'];
  protected readonly personName = personName;
  protected readonly stateWord = stateWord;
}
