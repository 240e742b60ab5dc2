import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { type PartnerAdminDto } from '@mtp/api-client';

import { accessList, accessWords, roleWord } from '../partner-words';
import { AdminActions } from './admin-actions';

const COLUMNS = ['name', 'role', 'access', 'status', 'lastLoginAt', 'addedAt'];

/** The partner's admins; the row menu is there only for whoever may change them. */
@Component({
  selector: 'mtp-partner-admins-table',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatMenuModule, MatTableModule, MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admins-table.html',
  styleUrl: '../partner-table.scss',
})
export class AdminsTable {
  protected readonly actions = inject(AdminActions);

  readonly admins = input.required<readonly PartnerAdminDto[]>();
  readonly canManage = input(false);

  protected readonly columns = computed(() => (this.canManage() ? [...COLUMNS, 'actions'] : COLUMNS));
  protected readonly roleWord = roleWord;
  protected readonly accessWords = accessWords;
  protected readonly accessList = accessList;
}
