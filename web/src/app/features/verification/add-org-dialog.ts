import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatTabsModule } from '@angular/material/tabs';
import { type CreateVerificationDto, type VerificationDto } from '@mtp/api-client';

import { CodeStep } from './code-step';
import { NewOrgForm } from './new-org-form';
import { RequestForm } from './request-form';

/** How the dialog ended, for the message and the lists to refresh; nothing when it was cancelled. */
export type AddOrgResult =
  | { readonly kind: 'verified'; readonly name: string }
  | { readonly kind: 'created'; readonly name: string; readonly email: string }
  | { readonly kind: 'requested'; readonly email: string };

/**
 * Adds an org to the partner: an existing one, verified with a code its admin receives, or a new
 * one created on the spot. Closing before the code leaves the request pending, to finish later.
 */
@Component({
  selector: 'mtp-add-org-dialog',
  imports: [CodeStep, MatDialogModule, MatTabsModule, NewOrgForm, RequestForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './add-org-dialog.html',
})
export class AddOrgDialog {
  private readonly ref = inject<MatDialogRef<AddOrgDialog, AddOrgResult>>(MatDialogRef);
  /** The request made in this dialog, once the API has taken it: the code comes next. */
  readonly pending = signal<VerificationDto | null>(null);

  /** The OrgID and email of a request that went void, to ask again without typing them anew. */
  protected readonly retried = signal<CreateVerificationDto | null>(null);

  protected restart(verification: VerificationDto): void {
    this.retried.set({ orgId: verification.orgId, email: verification.email });
    this.pending.set(null);
  }

  protected close(result?: AddOrgResult): void {
    this.ref.close(result);
  }
}
