import { type AbstractControl, type FormGroup } from '@angular/forms';

import { ApiProblem } from '../../core/http/api-problem';

/**
 * Puts the API's refusals on the fields they are about, as an `api` error holding its words.
 * Answers the refusals that name no field of the form, for a banner.
 */
export function applyFieldErrors(form: FormGroup, error: unknown): string[] {
  if (!(error instanceof ApiProblem)) {
    return [];
  }
  const unplaced: string[] = [];
  for (const { field, messages } of error.errors) {
    const control = form.get(field);
    const words = messages.join(' ');
    if (control) {
      control.setErrors({ ...control.errors, api: words });
      control.markAsTouched();
    } else {
      unplaced.push(words);
    }
  }
  return unplaced;
}

/**
 * The first message to show under a field: the API's words first, then the form's own rules. The
 * form may be any group of controls, a FormArray of dates for one.
 */
export function fieldMessage(form: AbstractControl, name: string, rules: Record<string, string>): string {
  const errors = form.get(name)?.errors;
  if (!errors) {
    return '';
  }
  if (typeof errors['api'] === 'string') {
    return errors['api'];
  }
  const key = Object.keys(rules).find((rule) => errors[rule]);
  return key ? rules[key] : '';
}
