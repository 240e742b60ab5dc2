import { InjectionToken } from '@angular/core';

/** How long a search box waits for typing to pause before asking the server (tests set it to 0). */
export const SEARCH_DEBOUNCE_MS = new InjectionToken<number>('SEARCH_DEBOUNCE_MS', { providedIn: 'root', factory: () => 300 });
