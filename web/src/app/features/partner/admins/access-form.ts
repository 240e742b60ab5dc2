import { type Signal, type WritableSignal, computed, signal } from '@angular/core';
import { FormControl, Validators } from '@angular/forms';
import { type CreatePartnerInvitationDto, type PartnerOrgRefDto } from '@mtp/api-client';
import { merge } from 'rxjs';

import { type OrgAccess, type PartnerRole } from '../partner-role';

export interface AccessChoice {
  readonly role: PartnerRole;
  readonly orgAccess: OrgAccess;
  readonly orgs: readonly PartnerOrgRefDto[];
}

export type AccessBody = Pick<CreatePartnerInvitationDto, 'role' | 'orgAccess' | 'orgIds'>;

/** Owners reach every org whatever is chosen, so only the other roles pick orgs. */
function needsOrgs(choice: AccessChoice): boolean {
  return choice.role !== 'owner' && choice.orgAccess === 'selected';
}

/**
 * A role and the orgs it reaches, as the invite and the change dialogs both ask for them. The org
 * list is required only while it applies: it is disabled otherwise, so it never blocks the form.
 */
export class AccessForm {
  readonly role: FormControl<PartnerRole>;
  readonly orgAccess: FormControl<OrgAccess>;
  readonly orgs: FormControl<PartnerOrgRefDto[]>;

  private readonly choice: WritableSignal<AccessChoice>;
  /** The choice as a signal, for templates of OnPush components that do not own the controls. */
  readonly current: Signal<AccessChoice>;
  readonly pickingOrgs = computed(() => needsOrgs(this.choice()));

  constructor(initial: AccessChoice) {
    this.role = new FormControl(initial.role, { nonNullable: true, validators: Validators.required });
    this.orgAccess = new FormControl(initial.orgAccess, { nonNullable: true });
    this.orgs = new FormControl([...initial.orgs], { nonNullable: true, validators: Validators.required });
    this.choice = signal(initial);
    this.current = this.choice.asReadonly();
    this.sync();
    // The controls and this object are dropped together with the dialog: nothing to unsubscribe.
    merge(this.role.valueChanges, this.orgAccess.valueChanges, this.orgs.valueChanges).subscribe(() => this.sync());
  }

  add(org: PartnerOrgRefDto): void {
    if (!this.orgs.value.some((chosen) => chosen.orgId === org.orgId)) {
      this.orgs.setValue([...this.orgs.value, org]);
    }
    this.orgs.markAsTouched();
  }

  remove(org: PartnerOrgRefDto): void {
    this.orgs.setValue(this.orgs.value.filter((chosen) => chosen.orgId !== org.orgId));
    this.orgs.markAsTouched();
  }

  /** What the API takes: an owner is sent with every org, and OrgIDs go only with selected access. */
  body(): AccessBody {
    const choice = this.choice();
    if (choice.role === 'owner') {
      return { role: choice.role, orgAccess: 'all' };
    }
    return needsOrgs(choice)
      ? { role: choice.role, orgAccess: 'selected', orgIds: choice.orgs.map((org) => org.orgId) }
      : { role: choice.role, orgAccess: 'all' };
  }

  private sync(): void {
    const choice: AccessChoice = { role: this.role.value, orgAccess: this.orgAccess.value, orgs: this.orgs.value };
    this.choice.set(choice);
    if (needsOrgs(choice) && this.orgs.disabled) {
      this.orgs.enable({ emitEvent: false });
    } else if (!needsOrgs(choice) && this.orgs.enabled) {
      this.orgs.disable({ emitEvent: false });
    }
  }
}
