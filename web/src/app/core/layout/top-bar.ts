import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink } from '@angular/router';

import { ApiStatusIndicator } from '../api/api-status-indicator';
import { AuthService } from '../auth/auth.service';

/** The bar across the top: product name, API status, and who is signed in. */
@Component({
  selector: 'mtp-top-bar',
  imports: [ApiStatusIndicator, MatButtonModule, MatIconModule, MatToolbarModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './top-bar.html',
  styleUrl: './top-bar.scss',
})
export class TopBar {
  protected readonly session = inject(AuthService).session;

  /** Whether to show the button that opens the navigation drawer (narrow screens). */
  readonly showMenuButton = input(false);
  readonly menuToggle = output<void>();
}
