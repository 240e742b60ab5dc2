import { CdkTrapFocus } from '@angular/cdk/a11y';
import { CdkConnectedOverlay, CdkOverlayOrigin, type ConnectedPosition } from '@angular/cdk/overlay';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { type MatAutocompleteSelectedEvent, MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { type PartnerOrgDto, type PartnerOrgPageDto } from '@mtp/api-client';
import { Subject, catchError, debounceTime, map, of, switchMap, tap } from 'rxjs';

import { SEARCH_DEBOUNCE_MS } from '../../../shared/forms/search-debounce';
import { openOrgDetails } from '../orgs/org-details-dialog';
import { PartnerApi } from '../partner-api';
import { partnerProblem } from '../partner-words';

/** Enough to find an org by a few letters; the Organizations page has the rest. */
const FOUND_LIMIT = 10;

const BELOW_START: ConnectedPosition[] = [
  { originX: 'start', originY: 'bottom', overlayX: 'start', overlayY: 'top', offsetY: 4 },
  { originX: 'end', originY: 'bottom', overlayX: 'end', overlayY: 'top', offsetY: 4 },
];

/**
 * The top bar's way into any org the partner manages: type part of a name (or a whole OrgID), choose
 * one, and its details open. The server searches, so it works the same with five orgs or five thousand.
 */
@Component({
  selector: 'mtp-partner-org-switcher',
  imports: [
    CdkConnectedOverlay,
    CdkOverlayOrigin,
    CdkTrapFocus,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './org-switcher.html',
  styleUrl: './org-switcher.scss',
})
export class PartnerOrgSwitcher {
  private readonly api = inject(PartnerApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly search$ = new Subject<string>();
  private readonly trigger = viewChild.required('trigger', { read: ElementRef<HTMLButtonElement> });
  private readonly findInput = viewChild('find', { read: ElementRef<HTMLInputElement> });

  protected readonly positions = BELOW_START;
  protected readonly open = signal(false);
  protected readonly query = new FormControl<string | PartnerOrgDto>('', { nonNullable: true });
  protected readonly found = signal<PartnerOrgPageDto | null>(null);
  protected readonly searching = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly nameOf = (org: string | PartnerOrgDto | null): string => (typeof org === 'string' ? org : (org?.name ?? ''));

  constructor() {
    const debounce = inject(SEARCH_DEBOUNCE_MS);
    this.query.valueChanges
      .pipe(
        // Choosing an option puts the org itself in the field: that is no new search.
        map((value) => (typeof value === 'string' ? value : null)),
        takeUntilDestroyed(),
      )
      .subscribe((text) => text !== null && this.search$.next(text));
    this.search$
      .pipe(
        debounceTime(debounce),
        map((text) => text.trim()),
        tap(() => {
          this.searching.set(true);
          this.problem.set(null);
        }),
        switchMap((search) =>
          this.api.orgs({ ...(search ? { search } : {}), limit: FOUND_LIMIT }).pipe(
            map((page) => ({ page, problem: null })),
            catchError((error: unknown) => of({ page: null, problem: partnerProblem(error, 'Finding the organizations') })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ page, problem }) => {
        this.searching.set(false);
        this.found.set(page);
        this.problem.set(problem);
      });
  }

  protected toggle(): void {
    if (this.open()) {
      this.close();
      return;
    }
    this.query.setValue('', { emitEvent: false });
    this.found.set(null);
    this.open.set(true);
    this.search$.next('');
  }

  /** The panel is for typing: the field has the focus as soon as it shows, which also lists the first orgs. */
  protected onAttach(): void {
    afterNextRender(() => this.findInput()?.nativeElement.focus(), { injector: this.injector });
  }

  protected close(): void {
    if (!this.open()) {
      return;
    }
    this.open.set(false);
    this.trigger().nativeElement.focus();
  }

  /** Escape closes the list of orgs first (the autocomplete keeps that press to itself), then the panel. */
  protected onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      this.close();
    }
  }

  protected choose(event: MatAutocompleteSelectedEvent): void {
    const org = event.option.value as PartnerOrgDto;
    this.close();
    openOrgDetails(this.dialog, org);
  }
}
