import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';

import { PARTNER_ROLES } from '../partner-role';
import { ROLE_WORDS } from '../partner-words';
import { type AccessForm } from './access-form';
import { OrgPicker } from './org-picker';

/** The role of a partner admin and the orgs it reaches: one set of fields for inviting and for changing. */
@Component({
  selector: 'mtp-access-fields',
  imports: [MatFormFieldModule, MatRadioModule, MatSelectModule, OrgPicker, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="role">
      <mat-label>Role</mat-label>
      <mat-select [formControl]="access().role">
        <mat-select-trigger>{{ words[access().current().role].name }}</mat-select-trigger>
        @for (role of roles; track role) {
          <mat-option [value]="role">
            <span class="option-name">{{ words[role].name }}</span>
            <span class="option-description">{{ words[role].description }}</span>
          </mat-option>
        }
      </mat-select>
      <mat-hint>{{ words[access().current().role].description }}</mat-hint>
    </mat-form-field>

    @if (access().current().role === 'owner') {
      <p class="note">Owners reach every organization of the partner.</p>
    } @else {
      <mat-radio-group [formControl]="access().orgAccess" aria-label="Organizations this admin reaches" class="access">
        <mat-radio-button value="all">All organizations, including ones added later</mat-radio-button>
        <mat-radio-button value="selected">Selected organizations only</mat-radio-button>
      </mat-radio-group>
      @if (access().pickingOrgs()) {
        <mtp-org-picker [access]="access()" />
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .role {
      width: 100%;
    }
    .option-name {
      display: block;
    }
    .option-description,
    .note {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .access {
      display: flex;
      flex-direction: column;
      margin: 8px 0 12px;
    }
  `,
})
export class AccessFields {
  readonly access = input.required<AccessForm>();

  protected readonly roles = PARTNER_ROLES;
  protected readonly words = ROLE_WORDS;
}
