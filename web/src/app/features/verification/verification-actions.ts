import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type VerificationDto } from '@mtp/api-client';
import { type Observable, Subject, filter, map } from 'rxjs';

import { confirmAction } from '../../shared/ui/confirm-dialog';
import { AddOrgDialog, type AddOrgResult } from './add-org-dialog';
import { CodeDialog } from './code-dialog';
import { VerificationApi } from './verification-api';
import { verificationProblem } from './verification-words';

const DIALOG = { width: '600px', maxWidth: '95vw', autoFocus: 'first-tabbable' } as const;

/** What a partner does to add orgs and follow its requests: each change says so and asks for a refresh. */
@Injectable()
export class VerificationActions {
  private readonly api = inject(VerificationApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly changedSubject = new Subject<AddOrgResult | null>();

  /** Emits after each change, successful or not: either way the lists should show what is true now. */
  readonly changed = this.changedSubject.asObservable();
  /** The request a change is on its way for, to disable its actions meanwhile. */
  readonly busyId = signal<string | null>(null);

  addOrg(): void {
    const ref = this.dialog.open<AddOrgDialog, void, AddOrgResult>(AddOrgDialog, DIALOG);
    const dialog = ref.componentInstance;
    ref
      .afterClosed()
      .pipe(
        // Escape or a click beside the dialog after the code was asked for still leaves a request pending.
        map((result) => result ?? requested(dialog.pending())),
        filter((result): result is AddOrgResult => !!result),
        // A dialog closed because the page went away has no list left to refresh.
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((result) => this.finish(result, resultWords(result)));
  }

  enterCode(verification: VerificationDto): void {
    this.dialog
      .open<CodeDialog, VerificationDto, AddOrgResult>(CodeDialog, { ...DIALOG, data: verification })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        if (result) {
          this.finish(result, resultWords(result));
        } else {
          // Wrong codes, a new code or a void request changed the row even without a verification.
          this.changedSubject.next(null);
        }
      });
  }

  resend(verification: VerificationDto): void {
    this.track(verification.id, this.api.resend(verification.id), `A new code was sent to ${verification.email}`, 'Sending a new code');
  }

  cancel(verification: VerificationDto): void {
    confirmAction(this.dialog, {
      title: 'Cancel this verification?',
      message: `Cancel the request for OrgID ${verification.orgId}? The code sent to ${verification.email} stops working at once.`,
      confirm: 'Cancel request',
    })
      .pipe(filter(Boolean))
      .subscribe(() => this.track(verification.id, this.api.cancel(verification.id), 'Verification cancelled', 'Cancelling the request'));
  }

  private track(id: string, request: Observable<unknown>, done: string, doing: string): void {
    this.busyId.set(id);
    request.subscribe({
      next: () => this.finish(null, done),
      error: (error: unknown) => this.finish(null, verificationProblem(error, doing)),
    });
  }

  private finish(result: AddOrgResult | null, message: string): void {
    this.busyId.set(null);
    this.snackBar.open(message, 'OK', { duration: 5000 });
    this.changedSubject.next(result);
  }
}

function requested(pending: VerificationDto | null): AddOrgResult | undefined {
  return pending ? { kind: 'requested', email: pending.email } : undefined;
}

function resultWords(result: AddOrgResult): string {
  switch (result.kind) {
    case 'verified':
      return `${result.name} is now managed by your partner`;
    case 'created':
      return `${result.name} was created, with ${result.email} invited as its first admin`;
    case 'requested':
      return `The request waits under Verifications until you enter the code sent to ${result.email}`;
  }
}
