import { DOCUMENT } from '@angular/common';
import { Injectable, inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { type LaunchDto, type LaunchRequestDto } from '@mtp/api-client';
import { type Observable, catchError, map, of, switchMap, throwError } from 'rxjs';

import { ApiProblem } from '../../core/http/api-problem';
import { problemMessage } from '../../core/http/problem-message';
import { LaunchStore } from '../../core/launch/launch-store';
import { PartnerApi } from '../partner/partner-api';
import { LaunchApi } from './launch-api';
import { askReasonAndLaunch } from './reason-dialog';

export interface LaunchTarget {
  readonly orgId: string;
  readonly name: string;
}

/** Here: this tab becomes the org's console. New tab: this tab stays where it is. */
export type LaunchWhere = 'here' | 'new-tab';

/**
 * Launching into an org, from wherever the Launch button is: asks for a reason when the partner's
 * policy wants one, records the session through the API, then opens the org's console here or in a
 * new tab. A new tab gets its own token from the session (see ConsoleAccess), so the token itself
 * never travels in an address or through storage.
 */
@Injectable({ providedIn: 'root' })
export class Launcher {
  private readonly api = inject(LaunchApi);
  private readonly partnerApi = inject(PartnerApi);
  private readonly launches = inject(LaunchStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly window = inject(DOCUMENT).defaultView;

  /** The org a launch is on its way for, so its buttons wait. */
  readonly busy = signal<string | null>(null);

  launch(org: LaunchTarget, where: LaunchWhere): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(org.orgId);
    this.policy()
      .pipe(switchMap((required) => (required ? this.withReason(org) : this.withoutReason(org))))
      .subscribe({
        next: (launch) => {
          this.busy.set(null);
          if (launch) {
            this.arrive(launch, where);
          }
        },
        error: (error: unknown) => {
          this.busy.set(null);
          this.snackBar.open(launchProblem(error), 'OK', { duration: 8000 });
        },
      });
  }

  /** Read at each launch, as an owner may change it any time; the API has the last word anyway. */
  private policy(): Observable<boolean> {
    return this.partnerApi.settings().pipe(
      map((settings) => settings.policy.launchReasonRequired),
      // Without the policy, launch anyway: the API asks for a reason if one is needed.
      catchError(() => of(false)),
    );
  }

  private withoutReason(org: LaunchTarget): Observable<LaunchDto | undefined> {
    return this.api.launch(org.orgId, {}).pipe(
      catchError((error: unknown) => {
        if (error instanceof ApiProblem && error.code === 'sessions.reason_required') {
          // The policy changed since it was read: ask, as it now says.
          return this.withReason(org);
        }
        return throwError(() => error);
      }),
    );
  }

  private withReason(org: LaunchTarget): Observable<LaunchDto | undefined> {
    return askReasonAndLaunch(this.dialog, {
      orgName: org.name,
      launch: (body: LaunchRequestDto) => this.api.launch(org.orgId, body),
    });
  }

  private arrive(launch: LaunchDto, where: LaunchWhere): void {
    const url = this.router.serializeUrl(this.router.createUrlTree(['/orgs', launch.session.org.orgId]));
    if (where === 'new-tab') {
      const tab = this.window?.open(url, '_blank') ?? null;
      if (tab) {
        // The console needs nothing from this tab; cut the link back to it.
        tab.opener = null;
        return;
      }
      this.snackBar
        .open(`Your browser blocked the new tab. The session into ${launch.session.org.name} is open.`, 'Open here', { duration: 15000 })
        .onAction()
        .subscribe(() => this.openHere(launch, url));
      return;
    }
    this.openHere(launch, url);
  }

  private openHere(launch: LaunchDto, url: string): void {
    this.launches.hold(launch);
    // The details or reason dialog belongs to the page being left.
    this.dialog.closeAll();
    void this.router.navigateByUrl(url);
  }
}

function launchProblem(error: unknown): string {
  if (error instanceof ApiProblem && error.status === 404) {
    return 'This organization is not in your reach any more: it may have left your partner, or your access changed.';
  }
  if (error instanceof ApiProblem && error.status === 403) {
    return 'Your role in the partner does not allow launching into organizations.';
  }
  return problemMessage(error, 'Launching');
}
