import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { type PartnerInvitationDto } from '@mtp/api-client';

import { accessList, accessWords, invitationStatusWord, roleWord } from '../partner-words';
import { AdminActions } from './admin-actions';

/** The partner's invitations, with what can still be done to each: resend it, or take it back. */
@Component({
  selector: 'mtp-invitations-table',
  imports: [DatePipe, MatButtonModule, MatTableModule, MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invitations-table.html',
  styleUrl: '../partner-table.scss',
})
export class InvitationsTable {
  protected readonly actions = inject(AdminActions);

  readonly invitations = input.required<readonly PartnerInvitationDto[]>();

  protected readonly columns = ['email', 'role', 'access', 'status', 'sentCount', 'expiresAt', 'actions'];
  protected readonly roleWord = roleWord;
  protected readonly accessWords = accessWords;
  protected readonly accessList = accessList;
  protected readonly statusWord = invitationStatusWord;
}
