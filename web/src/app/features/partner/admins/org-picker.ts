import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { type MatAutocompleteSelectedEvent, MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { type PartnerOrgRefDto } from '@mtp/api-client';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap, tap } from 'rxjs';

import { SEARCH_DEBOUNCE_MS } from '../../../shared/forms/search-debounce';
import { PartnerApi } from '../partner-api';
import { partnerProblem } from '../partner-words';
import { type AccessForm } from './access-form';

/** The most orgs the API answers at once: a partner with more finds the rest by searching. */
const CHOICES_LIMIT = 100;

/** Picks some of the partner's orgs: chosen ones as chips, the others found by name as one types. */
@Component({
  selector: 'mtp-org-picker',
  imports: [MatAutocompleteModule, MatChipsModule, MatFormFieldModule, MatIconModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './org-picker.html',
  styles: `
    .picker {
      width: 100%;
    }
    .org-id {
      margin-left: 8px;
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.85em;
    }
  `,
})
export class OrgPicker {
  private readonly api = inject(PartnerApi);
  private readonly search$ = new Subject<string>();

  readonly access = input.required<AccessForm>();

  private readonly results = signal<PartnerOrgRefDto[]>([]);
  /** What is typed now: the list narrows at once, before the server's answer to it arrives. */
  private readonly typed = signal('');
  protected readonly loading = signal(true);
  protected readonly problem = signal<string | null>(null);
  /** What the list offers: the orgs found, less those already chosen. */
  protected readonly choices = computed(() => {
    const chosen = new Set(this.access().current().orgs.map((org) => org.orgId));
    const typed = this.typed().trim().toLowerCase();
    return this.results().filter((org) => !chosen.has(org.orgId) && (!typed || org.name.toLowerCase().includes(typed) || org.orgId === typed));
  });

  constructor() {
    this.search$
      .pipe(
        debounceTime(inject(SEARCH_DEBOUNCE_MS)),
        map((search) => search.trim()),
        startWith(''),
        distinctUntilChanged(),
        tap(() => {
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap((search) =>
          this.api.orgs({ ...(search ? { search } : {}), limit: CHOICES_LIMIT }).pipe(
            map((page) => ({ orgs: page.items.map(({ orgId, name }) => ({ orgId, name })), problem: null })),
            catchError((error: unknown) => of({ orgs: [], problem: partnerProblem(error, 'Loading the organizations') })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ orgs, problem }) => {
        this.loading.set(false);
        this.results.set(orgs);
        this.problem.set(problem);
      });
  }

  protected onSearch(value: string): void {
    this.typed.set(value);
    this.search$.next(value);
  }

  protected choose(event: MatAutocompleteSelectedEvent, input: HTMLInputElement): void {
    this.access().add(event.option.value as PartnerOrgRefDto);
    input.value = '';
    this.typed.set('');
    this.search$.next('');
  }

  protected remove(org: PartnerOrgRefDto): void {
    this.access().remove(org);
  }
}
