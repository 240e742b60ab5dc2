import { Injectable, signal } from '@angular/core';
import { type LaunchDto, type LaunchSessionDto } from '@mtp/api-client';

/** A launch session this tab works in, with the org-console token that goes with it. */
export interface HeldLaunch {
  readonly token: string;
  readonly session: LaunchSessionDto;
}

/** Why a launch session of this tab is over, in words for the console. */
export interface EndedLaunch {
  readonly detail: string;
  /** The session as the API last described it, when known. */
  readonly session: LaunchSessionDto | null;
}

/**
 * The launch sessions of this tab, keyed by public OrgID. Tokens live in memory only: never in the
 * address or in storage, so another tab (or a script reading storage) never sees them, and a tab
 * launched into org A never sends A's token to org B. A new tab or a reload asks the API again.
 */
@Injectable({ providedIn: 'root' })
export class LaunchStore {
  private readonly held = signal<ReadonlyMap<string, HeldLaunch>>(new Map());
  private readonly endedState = signal<ReadonlyMap<string, EndedLaunch>>(new Map());

  /** Keeps a launch (from launching, or a token issued again) for its own org only. */
  hold(launch: LaunchDto): void {
    const orgId = launch.session.org.orgId;
    this.held.update((held) => new Map(held).set(orgId, { token: launch.token, session: launch.session }));
    this.endedState.update((ended) => without(ended, orgId));
  }

  /** The token for this org's console routes, or null: then the portal's own token goes. */
  tokenFor(orgId: string): string | null {
    return this.held().get(orgId)?.token ?? null;
  }

  /** The launch into this org, read in a reactive context. */
  launchOf(orgId: string): HeldLaunch | null {
    return this.held().get(orgId) ?? null;
  }

  endedOf(orgId: string): EndedLaunch | null {
    return this.endedState().get(orgId) ?? null;
  }

  /** The session into this org is over: its token is dropped at once, and why is kept for the console. */
  end(orgId: string, detail: string, session: LaunchSessionDto | null = null): void {
    const known = session ?? this.held().get(orgId)?.session ?? null;
    this.held.update((held) => without(held, orgId));
    this.endedState.update((ended) => new Map(ended).set(orgId, { detail, session: known }));
  }

  /** Forgets why a session into this org ended: arriving in its console again starts afresh. */
  forgetEnded(orgId: string): void {
    this.endedState.update((ended) => without(ended, orgId));
  }

  /** Signing out forgets every launch of the tab. */
  clear(): void {
    this.held.set(new Map());
    this.endedState.set(new Map());
  }
}

function without<T>(map: ReadonlyMap<string, T>, key: string): ReadonlyMap<string, T> {
  if (!map.has(key)) {
    return map;
  }
  const copy = new Map(map);
  copy.delete(key);
  return copy;
}
