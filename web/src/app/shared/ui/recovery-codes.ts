import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

import { FileSaver } from '../files/file-saver';

export const RECOVERY_CODES_FILE_NAME = 'mtp-recovery-codes.txt';

/** The recovery-codes file: who they are for, when they were made, how to use them, one per line. */
export function recoveryCodesText(codes: readonly string[], account: string | null, createdAt: Date): string {
  return [
    'MTP · Multi-Tenant Portal: recovery codes',
    ...(account ? [`Account: ${account}`] : []),
    `Created: ${createdAt.toISOString()}`,
    '',
    'Each code signs you in once when you cannot use your authenticator app.',
    'Keep this file somewhere safe; new codes replace all of these.',
    '',
    ...codes,
    '',
  ].join('\n');
}

/** Recovery codes in a grid, with the two ways to keep them: a text file, or the clipboard. */
@Component({
  selector: 'mtp-recovery-codes',
  imports: [CdkCopyToClipboard, MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="codes mtp-mono" aria-label="Recovery codes" data-testid="recovery-codes">
      @for (code of codes(); track code) {
        <li>{{ code }}</li>
      }
    </ul>
    <div class="actions">
      <button mat-stroked-button type="button" (click)="download()">
        <mat-icon svgIcon="download" aria-hidden="true" />
        Download
      </button>
      <button
        mat-stroked-button
        type="button"
        [cdkCopyToClipboard]="text()"
        (cdkCopyToClipboardCopied)="copied.set($event ? 'Copied to the clipboard.' : 'Copying did not work: download them instead.')"
      >
        <mat-icon svgIcon="copy" aria-hidden="true" />
        Copy
      </button>
      <span class="status" role="status">{{ copied() }}</span>
    </div>
  `,
  styles: `
    .codes {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 8px 24px;
      margin: 0;
      padding: 16px;
      list-style: none;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
      font-size: 1rem;
      letter-spacing: 0.04em;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin-top: 12px;
    }
    .status {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class RecoveryCodes {
  private readonly files = inject(FileSaver);

  readonly codes = input.required<readonly string[]>();
  /** The account's address, written at the top of the file. */
  readonly account = input<string | null>(null);

  protected readonly copied = signal('');
  // The codes were made when they were shown: one date for the file, however often it is saved.
  private readonly shownAt = new Date();
  protected readonly text = computed(() => recoveryCodesText(this.codes(), this.account(), this.shownAt));

  protected download(): void {
    this.files.saveText(RECOVERY_CODES_FILE_NAME, this.text());
  }
}
