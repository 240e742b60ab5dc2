import { Injectable, type Type, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { type PartnerOrgRefDto, type SupportRequestDetailsDto } from '@mtp/api-client';
import { filter } from 'rxjs';

import { type DetachRequestData, DetachRequestDialog } from './detach-request-dialog';
import { GeneralRequestDialog } from './general-request-dialog';
import { type RequestKind } from './request-words';
import { TrainingRequestDialog } from './training-request-dialog';

const DIALOGS: Record<RequestKind, Type<unknown>> = {
  detach: DetachRequestDialog,
  training: TrainingRequestDialog,
  general: GeneralRequestDialog,
};

/**
 * Opens the dialog of a kind of request; once filed, says so and shows the new request, closing the
 * dialogs it was asked from (an org's details): they belong to the page being left, and Material
 * closes dialogs only on history navigation, not on the router's.
 */
@Injectable({ providedIn: 'root' })
export class NewRequest {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  open(kind: RequestKind, org: PartnerOrgRefDto | null = null): void {
    this.dialog
      .open<unknown, DetachRequestData, SupportRequestDetailsDto>(DIALOGS[kind], {
        data: { org },
        width: '560px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .pipe(filter((filed): filed is SupportRequestDetailsDto => !!filed))
      .subscribe((filed) => {
        this.dialog.closeAll();
        this.snackBar.open(`Request #${filed.number} sent to platform support`, 'OK', { duration: 5000 });
        void this.router.navigate(['/partner/requests', filed.id]);
      });
  }
}
