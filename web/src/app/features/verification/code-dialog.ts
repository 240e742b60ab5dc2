import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { type VerificationDto } from '@mtp/api-client';

import { type AddOrgResult } from './add-org-dialog';
import { CodeStep } from './code-step';

/** The code of a request made earlier, entered from the list of pending verifications. */
@Component({
  selector: 'mtp-code-dialog',
  imports: [CodeStep, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Enter the verification code</h2>
    <mat-dialog-content>
      <mtp-code-step
        [verification]="verification"
        laterLabel="Close"
        (verified)="ref.close({ kind: 'verified', name: $event.name })"
        (later)="ref.close()"
      />
    </mat-dialog-content>
  `,
})
export class CodeDialog {
  protected readonly ref = inject<MatDialogRef<CodeDialog, AddOrgResult>>(MatDialogRef);
  protected readonly verification = inject<VerificationDto>(MAT_DIALOG_DATA);
}
