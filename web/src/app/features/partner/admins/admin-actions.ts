import { Injectable, inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type PartnerAdminDto, type PartnerInvitationDto } from '@mtp/api-client';
import { type Observable, Subject, filter } from 'rxjs';

import { confirmAction } from '../../../shared/ui/confirm-dialog';
import { PartnerApi } from '../partner-api';
import { partnerProblem } from '../partner-words';
import { AccessDialog } from './access-dialog';
import { InviteDialog } from './invite-dialog';

/** Which list a change touched, so the page asks for that one again. */
export type ChangedList = 'admins' | 'invitations';

const DIALOG = { width: '560px', maxWidth: '95vw', autoFocus: 'first-tabbable' } as const;

/** What an owner does to the partner's admins and invitations: each change says so and asks for a refresh. */
@Injectable()
export class AdminActions {
  private readonly api = inject(PartnerApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly changedSubject = new Subject<ChangedList>();

  /** Emits after each change, successful or not: either way the list should show what is true now. */
  readonly changed = this.changedSubject.asObservable();
  /** The admin or invitation a change is on its way for, to disable its actions meanwhile. */
  readonly busyId = signal<string | null>(null);
  /** Why the last change was refused, for a banner that stays after the snackbar has gone. */
  readonly refusal = signal<string | null>(null);

  invite(): void {
    this.refusal.set(null);
    this.dialog
      .open<InviteDialog, void, PartnerInvitationDto>(InviteDialog, DIALOG)
      .afterClosed()
      .pipe(filter((invitation): invitation is PartnerInvitationDto => !!invitation))
      .subscribe((invitation) => this.finish('invitations', `Invitation sent to ${invitation.email}`));
  }

  editAccess(admin: PartnerAdminDto): void {
    this.refusal.set(null);
    this.dialog
      .open<AccessDialog, PartnerAdminDto, PartnerAdminDto>(AccessDialog, { ...DIALOG, data: admin })
      .afterClosed()
      .pipe(filter((saved): saved is PartnerAdminDto => !!saved))
      .subscribe((saved) => this.finish('admins', `Changed the role and access of ${saved.email}`));
  }

  suspend(admin: PartnerAdminDto): void {
    this.confirmed(
      {
        title: 'Suspend this admin?',
        message: `Suspend ${who(admin)}? Their sessions end at once, and they cannot sign in until reactivated.`,
        confirm: 'Suspend',
      },
      () => this.track('admins', admin.administratorId, this.api.updateAdmin(admin.administratorId, { status: 'suspended' }), `Suspended ${admin.email}`),
    );
  }

  reactivate(admin: PartnerAdminDto): void {
    this.confirmed(
      { title: 'Reactivate this admin?', message: `Reactivate ${who(admin)}? They can sign in again at once.`, confirm: 'Reactivate' },
      () => this.track('admins', admin.administratorId, this.api.updateAdmin(admin.administratorId, { status: 'active' }), `Reactivated ${admin.email}`),
    );
  }

  remove(admin: PartnerAdminDto): void {
    this.confirmed(
      {
        title: 'Remove from the partner?',
        message: `Remove ${who(admin)} from the partner? They lose access to the partner and its organizations at once.`,
        confirm: 'Remove',
      },
      () => this.track('admins', admin.administratorId, this.api.removeAdmin(admin.administratorId), `Removed ${admin.email} from the partner`),
    );
  }

  resend(invitation: PartnerInvitationDto): void {
    this.refusal.set(null);
    this.track('invitations', invitation.id, this.api.resendInvitation(invitation.id), `Invitation sent again to ${invitation.email}`);
  }

  revoke(invitation: PartnerInvitationDto): void {
    this.confirmed(
      {
        title: 'Revoke this invitation?',
        message: `Revoke the invitation of ${invitation.email}? Its link stops working at once.`,
        confirm: 'Revoke',
      },
      () => this.track('invitations', invitation.id, this.api.revokeInvitation(invitation.id), `Revoked the invitation of ${invitation.email}`),
    );
  }

  private confirmed(question: Parameters<typeof confirmAction>[1], then: () => void): void {
    this.refusal.set(null);
    confirmAction(this.dialog, question).pipe(filter(Boolean)).subscribe(then);
  }

  private track(list: ChangedList, id: string, request: Observable<unknown>, done: string): void {
    this.busyId.set(id);
    request.subscribe({
      next: () => this.finish(list, done),
      error: (error: unknown) => {
        const words = partnerProblem(error, 'That change');
        this.refusal.set(words);
        this.finish(list, words);
      },
    });
  }

  private finish(list: ChangedList, message: string): void {
    this.busyId.set(null);
    this.snackBar.open(message, 'OK', { duration: 5000 });
    this.changedSubject.next(list);
  }
}

function who(admin: PartnerAdminDto): string {
  return admin.name ? `${admin.name} (${admin.email})` : admin.email;
}
