import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

/** Shown for any address the portal does not know. */
@Component({
  selector: 'mtp-not-found-page',
  imports: [MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Page not found</h1>
    <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
    <a mat-stroked-button routerLink="/">Go to the home page</a>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-medium);
    }
  `,
})
export class NotFoundPage {}
