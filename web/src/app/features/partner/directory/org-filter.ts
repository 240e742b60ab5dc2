import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { filter, map } from 'rxjs';

import { type OrgChoiceValue, chosenOrNone } from '../../verification/org-choice';

/**
 * The "Organization" filter of a cross-org table, for `mtp-org-choice`: an org chosen from the list
 * applies its OrgID, an emptied field applies none, and text typed but not chosen changes nothing.
 * Call it in an injection context.
 */
export function orgFilterControl(apply: (orgId: string | null) => void): FormControl<OrgChoiceValue> {
  const control = new FormControl<OrgChoiceValue>(null, chosenOrNone);
  control.valueChanges
    .pipe(
      map((value) => (typeof value === 'string' ? (value.trim() ? undefined : null) : (value?.orgId ?? null))),
      filter((orgId): orgId is string | null => orgId !== undefined),
      takeUntilDestroyed(),
    )
    .subscribe(apply);
  return control;
}
