import { Injectable, computed, inject, signal } from '@angular/core';
import { type LaunchDto } from '@mtp/api-client';
import { type Observable, type Subscription, map, switchMap } from 'rxjs';

import { SessionService } from '../../core/auth/session.service';
import { SessionStore } from '../../core/auth/session-store';
import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { ApiProblem } from '../../core/http/api-problem';
import { LaunchStore } from '../../core/launch/launch-store';
import { LaunchApi } from '../launch/launch-api';
import { LAUNCHERS } from '../launch/launch-words';
import { PartnerApi } from '../partner/partner-api';
import { partnerRoleOf } from '../partner/partner-role';

/**
 * How this tab reaches the org:
 * - `direct`: with the portal token, as the org's own admin (or to be told "not found");
 * - `launched`: with the token of a launch session of this tab;
 * - `checking`: looking for the admin's own active session into it (a new tab, a reload);
 * - `no-session`: the partner manages the org, but the admin has no active session into it;
 * - `ended`: the session of this tab ended while in the console;
 * - `problem`: the search for a session failed.
 */
export type ConsoleMode = 'direct' | 'launched' | 'checking' | 'no-session' | 'ended' | 'problem';

type Found = 'direct' | 'checking' | 'no-session' | 'problem';

/** What a partner admin without a session learns about the org: its name, to launch by. */
interface NoSession {
  readonly name: string;
}

/**
 * Decides, for the console of one org, which credential it works with and what it may offer. Provided
 * by the console layout and read by its tabs, which hide what the session's permissions would refuse.
 */
@Injectable()
export class ConsoleAccess {
  private readonly store = inject(SessionStore);
  private readonly session = inject(SessionService);
  private readonly launches = inject(LaunchStore);
  private readonly api = inject(LaunchApi);
  private readonly partnerApi = inject(PartnerApi);
  private finding: Subscription | undefined;
  private readonly found = signal<Found>('checking');

  readonly orgId = signal('');
  readonly launch = computed(() => this.launches.launchOf(this.orgId()));
  readonly ended = computed(() => this.launches.endedOf(this.orgId()));
  readonly mode = computed<ConsoleMode>(() => (this.ended() ? 'ended' : this.launch() ? 'launched' : this.found()));
  /** Whether the console may load and show the org. */
  readonly ready = computed(() => this.mode() === 'direct' || this.mode() === 'launched');
  /** The name of the org without a session, to launch into it. */
  readonly orgName = signal<string | null>(null);
  readonly problem = signal<ProblemView | null>(null);
  /** Changing the org (users, systems, admins, settings): all its own admins, and launches whose role allows it. */
  readonly manages = computed(() => this.mode() === 'direct' || !!this.launch()?.session.permissions.includes('org.manage'));
  /** Overseeing the partners' access is for the org's own admins only. */
  readonly oversees = computed(() => this.mode() === 'direct' && this.isOwnAdmin(this.orgId()));

  /** Arriving in the console of an org (also after switching orgs). */
  open(orgId: string): void {
    this.finding?.unsubscribe();
    this.orgId.set(orgId);
    this.problem.set(null);
    this.orgName.set(null);
    this.found.set('checking');
    // What ended on an earlier visit is history: this visit looks for a session afresh.
    this.launches.forgetEnded(orgId);
    if (this.launches.launchOf(orgId)) {
      return;
    }
    if (this.store.me()) {
      this.decide(orgId);
      return;
    }
    this.finding = this.session.loadMe().subscribe({
      next: () => this.decide(orgId),
      // Without `me`, the API decides: the org's own admin gets in, anyone else "not found".
      error: () => this.found.set('direct'),
    });
  }

  retry(): void {
    this.open(this.orgId());
  }

  private decide(orgId: string): void {
    const role = partnerRoleOf(this.store.me());
    if (this.isOwnAdmin(orgId) || !role || !LAUNCHERS.includes(role)) {
      this.found.set('direct');
      return;
    }
    this.finding = this.findSession(orgId).subscribe({
      next: (result) => {
        if (result === null) {
          this.found.set('direct');
        } else if ('token' in result) {
          this.launches.hold(result);
        } else {
          this.orgName.set(result.name);
          this.found.set('no-session');
        }
      },
      error: (error: unknown) => {
        if (error instanceof ApiProblem && error.code === 'sessions.ended') {
          // It ended between the list and the token: as good as none.
          this.found.set('no-session');
          return;
        }
        this.problem.set(describeProblem(error, 'Looking for your session'));
        this.found.set('problem');
      },
    });
  }

  /**
   * The admin's own newest active session into the org, with a token for this tab; else the org's
   * name when the partner manages it; else null, and the API will say "not found".
   */
  private findSession(orgId: string): Observable<LaunchDto | NoSession | null> {
    return this.api.sessions({ state: 'active', orgId, mine: true, limit: 1 }).pipe(
      switchMap((page) => {
        const active = page.items[0];
        if (active) {
          return this.api.token(active.id);
        }
        return this.partnerApi.orgs({ search: orgId, limit: 1 }).pipe(
          map((orgs) => orgs.items.find((org) => org.orgId === orgId)),
          map((org) => (org ? { name: org.name } : null)),
        );
      }),
    );
  }

  private isOwnAdmin(orgId: string): boolean {
    return !!this.store.me()?.orgMemberships.some((org) => org.orgId === orgId);
  }
}
