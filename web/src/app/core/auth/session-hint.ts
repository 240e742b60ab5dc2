import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

const KEY = 'mtp.has-session';

/**
 * Remembers, across reloads, only THAT this browser signed in, never a token: so a visitor who
 * never signed in does not send a refresh request (and get a 401 in the console) on every page
 * load. When the hint is stale, one refresh fails quietly and clears it.
 */
@Injectable({ providedIn: 'root' })
export class SessionHint {
  private readonly storage = storageOf(inject(DOCUMENT).defaultView);

  present(): boolean {
    return this.read() === '1';
  }

  set(): void {
    this.write(() => this.storage?.setItem(KEY, '1'));
  }

  clear(): void {
    this.write(() => this.storage?.removeItem(KEY));
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(KEY) ?? null;
    } catch {
      return null;
    }
  }

  // Storage can be disabled or full (private modes): the hint is a nicety, never an error.
  private write(change: () => void): void {
    try {
      change();
    } catch {
      // Without the hint the next reload simply starts signed out.
    }
  }
}

function storageOf(view: Window | null): Storage | null {
  try {
    return view?.localStorage ?? null;
  } catch {
    return null;
  }
}
