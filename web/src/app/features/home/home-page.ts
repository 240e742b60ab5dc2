import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import { AuthService } from '../../core/auth/auth.service';

/** The landing page: what the portal is for, and the way in. */
@Component({
  selector: 'mtp-home-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
})
export class HomePage {
  protected readonly session = inject(AuthService).session;

  protected readonly highlights = [
    {
      title: 'Every customer on one dashboard',
      text: 'See all the organizations you manage, with their users, devices and admins at a glance.',
    },
    {
      title: 'Launch into any organization',
      text: 'Open a full management session in a customer’s console without a separate admin account.',
    },
    {
      title: 'Verified, audited access',
      text: 'Organizations are linked only after their own admin confirms by email, and every action is recorded.',
    },
  ];
}
