import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type AbstractControl, type FormControl, ReactiveFormsModule, type ValidationErrors } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type PartnerOrgRefDto } from '@mtp/api-client';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';

import { SEARCH_DEBOUNCE_MS } from '../../shared/forms/search-debounce';
import { PartnerApi } from '../partner/partner-api';
import { partnerProblem } from '../partner/partner-words';

/** The text typed, until an org is chosen from the list; empty for none. */
export type OrgChoiceValue = PartnerOrgRefDto | string | null;

/** The most orgs the API answers at once: a partner with more finds the rest by typing. */
const CHOICES_LIMIT = 100;

/** Text typed but not chosen names no org: it must be chosen from the list, or cleared. */
export function chosenOrNone(control: AbstractControl<OrgChoiceValue>): ValidationErrors | null {
  return typeof control.value === 'string' && control.value.trim() !== '' ? { choose: true } : null;
}

/** One of the partner's orgs, found by name as one types; optional unless the control requires it. */
@Component({
  selector: 'mtp-org-choice',
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="choice">
      <mat-label>{{ label() }}</mat-label>
      <input matInput type="search" [formControl]="control()" [matAutocomplete]="list" autocomplete="off" (input)="onSearch($any($event.target).value)" />
      <mat-autocomplete #list="matAutocomplete" [displayWith]="nameOf">
        @if (problem(); as words) {
          <mat-option disabled>{{ words }}</mat-option>
        } @else {
          @for (org of orgs(); track org.orgId) {
            <mat-option [value]="org">{{ org.name }}<span class="org-id mtp-mono">{{ org.orgId }}</span></mat-option>
          } @empty {
            <mat-option disabled>No organization matches.</mat-option>
          }
        }
      </mat-autocomplete>
      <mat-hint>{{ hint() }}</mat-hint>
      <mat-error>{{ control().hasError('api') ? control().getError('api') : invalidText() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    .choice {
      width: 100%;
    }
    .org-id {
      margin-left: 8px;
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.85em;
    }
  `,
})
export class OrgChoice {
  private readonly api = inject(PartnerApi);
  private readonly search$ = new Subject<string>();

  readonly control = input.required<FormControl<OrgChoiceValue>>();
  readonly label = input('Organization');
  readonly hint = input('');
  /** What the field says when its own rules refuse it; a required choice says so. */
  readonly invalidText = input('Choose an organization from the list, or leave this empty.');

  protected readonly orgs = signal<PartnerOrgRefDto[]>([]);
  protected readonly problem = signal<string | null>(null);
  protected readonly nameOf = (org: OrgChoiceValue): string => (typeof org === 'string' ? org : (org?.name ?? ''));

  constructor() {
    this.search$
      .pipe(
        debounceTime(inject(SEARCH_DEBOUNCE_MS)),
        map((search) => search.trim()),
        startWith(''),
        distinctUntilChanged(),
        switchMap((search) =>
          this.api.orgs({ ...(search ? { search } : {}), limit: CHOICES_LIMIT }).pipe(
            map((page) => ({ orgs: page.items.map(({ orgId, name }) => ({ orgId, name })), problem: null })),
            catchError((error: unknown) => of({ orgs: [], problem: partnerProblem(error, 'Loading the organizations') })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ orgs, problem }) => {
        this.orgs.set(orgs);
        this.problem.set(problem);
      });
  }

  protected onSearch(value: string): void {
    this.search$.next(value);
  }
}
