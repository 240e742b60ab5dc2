import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';

/** A small button that copies an org's OrgID, and says whether it worked. */
@Component({
  selector: 'mtp-copy-org-id',
  imports: [CdkCopyToClipboard, MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      type="button"
      class="copy"
      [cdkCopyToClipboard]="orgId()"
      (cdkCopyToClipboardCopied)="copied($event)"
      [attr.aria-label]="'Copy OrgID of ' + orgName()"
    >
      <mat-icon svgIcon="copy" aria-hidden="true" />
    </button>
  `,
  styles: `
    .copy {
      --mat-icon-button-state-layer-size: 32px;
      --mat-icon-button-icon-size: 18px;
      padding: 7px;
    }
  `,
})
export class CopyOrgId {
  private readonly snackBar = inject(MatSnackBar);

  readonly orgId = input.required<string>();
  readonly orgName = input.required<string>();

  protected copied(ok: boolean): void {
    this.snackBar.open(ok ? `OrgID of ${this.orgName()} copied` : 'Could not copy: select the OrgID and copy it', undefined, { duration: 3000 });
  }
}
