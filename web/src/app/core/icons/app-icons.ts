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
