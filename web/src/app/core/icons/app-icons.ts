import { type EnvironmentProviders, inject, provideAppInitializer } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';

/**
 * The portal's icons, drawn inline: the portal must work without reaching an icon font host.
 * Each is a 24×24 outline drawn with the current text colour.
 */
const ICONS = {
  menu: '<path d="M4 7h16M4 12h16M4 17h16"/>',
  home: '<path d="M4 11.5 12 5l8 6.5"/><path d="M6.5 10v9h11v-9"/><path d="M10 19v-5h4v5"/>',
  'sign-in': '<path d="M13 5h5v14h-5"/><path d="M4 12h10"/><path d="m10.5 8.5 3.5 3.5-3.5 3.5"/>',
  person: '<circle cx="12" cy="8.5" r="3.5"/><path d="M5 19.5c1-3.5 3.8-5 7-5s6 1.5 7 5"/>',
  account: '<circle cx="12" cy="12" r="8.5"/><circle cx="12" cy="10" r="3"/><path d="M6.8 18.2c1.2-2.2 3-3.2 5.2-3.2s4 1 5.2 3.2"/>',
  'sign-out': '<path d="M11 5H6v14h5"/><path d="M10 12h10"/><path d="m16.5 8.5 3.5 3.5-3.5 3.5"/>',
  mail: '<rect x="3.5" y="6" width="17" height="12" rx="1.5"/><path d="m4 7 8 6 8-6"/>',
  download: '<path d="M12 4v11"/><path d="m7.5 10.5 4.5 4.5 4.5-4.5"/><path d="M5 19.5h14"/>',
  copy: '<rect x="8.5" y="8.5" width="11" height="11" rx="1.5"/><path d="M15.5 8.5V5.5a1 1 0 0 0-1-1h-9a1 1 0 0 0-1 1v9a1 1 0 0 0 1 1h3"/>',
  shield: '<path d="M12 3.5 5 6v5.5c0 4.2 2.9 7.6 7 9 4.1-1.4 7-4.8 7-9V6z"/><path d="m9 12 2.2 2.2L15.5 10"/>',
  'chevron-down': '<path d="m7 10 5 5 5-5"/>',
  'arrow-back': '<path d="M19 12H5"/><path d="m11 6-6 6 6 6"/>',
  more: '<circle cx="12" cy="5.5" r="1.2"/><circle cx="12" cy="12" r="1.2"/><circle cx="12" cy="18.5" r="1.2"/>',
  refresh: '<path d="M19 12a7 7 0 1 1-2.1-5"/><path d="M19 4.5V9h-4.5"/>',
  close: '<path d="m6.5 6.5 11 11"/><path d="m17.5 6.5-11 11"/>',
  group:
    '<circle cx="9" cy="9" r="3"/><path d="M3.5 19c.8-3 3-4.5 5.5-4.5s4.7 1.5 5.5 4.5"/>' +
    '<circle cx="16.5" cy="8.5" r="2.5"/><path d="M15.8 13.3c2.2-.2 4 1.1 4.7 3.7"/>',
  verified:
    '<path d="M12 3.5 14.6 5.6 18 6l.4 3.4 2.1 2.6-2.1 2.6-.4 3.4-3.4.4-2.6 2.1-2.6-2.1L6 18l-.4-3.4L3.5 12l2.1-2.6L6 6l3.4-.4z"/>' +
    '<path d="m8.8 12 2.2 2.2 4.2-4.4"/>',
  tune: '<path d="M4 7h9M17 7h3M4 17h3M11 17h9"/><circle cx="15" cy="7" r="2"/><circle cx="9" cy="17" r="2"/>',
  'open-in-new': '<path d="M14 4.5h5.5V10"/><path d="M19.5 4.5 11 13"/><path d="M17 13.5v5a1 1 0 0 1-1 1H5.5a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h5"/>',
  schedule: '<circle cx="12" cy="12" r="8.5"/><path d="M12 7.5V12l3 2"/>',
  support: '<path d="M5 5.5h14a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-8l-4.5 3.5v-3.5H5a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1z"/><path d="M8 9.5h8M8 12.5h5"/>',
  add: '<path d="M12 5v14M5 12h14"/>',
  event: '<rect x="4" y="5.5" width="16" height="14" rx="1.5"/><path d="M4 10h16M8.5 3.5v4M15.5 3.5v4"/>',
} as const;

export type AppIconName = keyof typeof ICONS;

function svg(paths: string): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor"' +
    ' stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">' +
    paths +
    '</svg>'
  );
}

/** Registers the portal's icons with Angular Material before the first page renders. */
export function provideAppIcons(): EnvironmentProviders {
  return provideAppInitializer(() => {
    const registry = inject(MatIconRegistry);
    const sanitizer = inject(DomSanitizer);
    for (const [name, paths] of Object.entries(ICONS)) {
      // Safe: the markup is a constant above, never built from data.
      registry.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(svg(paths)));
    }
  });
}
