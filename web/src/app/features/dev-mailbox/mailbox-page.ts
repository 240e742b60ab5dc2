import { DatePipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { RouterLink } from '@angular/router';
import { ApiConfiguration, type DevMailboxMessageDto, listDevMailbox } from '@mtp/api-client';

import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { LoadingState, NoticeBanner, ProblemBanner } from '../../shared/ui/page-states';
import { MAILBOX_OFF_TEXT, isMailboxOff } from './mailbox';

const PAGE_SIZE = 25;

/** Every email the portal sent, on an install without SMTP: for following email journeys by hand. */
@Component({
  selector: 'mtp-mailbox-page',
  imports: [DatePipe, LoadingState, MatButtonModule, MatIconModule, MatListModule, NoticeBanner, ProblemBanner, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './mailbox-page.html',
  styleUrl: './mailbox-page.scss',
})
export class MailboxPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiConfiguration);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly offText = MAILBOX_OFF_TEXT;
  protected readonly messages = signal<readonly DevMailboxMessageDto[]>([]);
  /** Where the next (older) page starts; null when there is none. */
  protected readonly nextBefore = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly loaded = signal(false);
  protected readonly off = signal(false);
  protected readonly failure = signal<ProblemView | null>(null);

  ngOnInit(): void {
    this.reload();
  }

  protected reload(): void {
    this.fetch(undefined);
  }

  protected older(): void {
    this.fetch(this.nextBefore() ?? undefined);
  }

  private fetch(before: string | undefined): void {
    this.loading.set(true);
    this.failure.set(null);
    listDevMailbox(this.http, this.api.rootUrl, { limit: PAGE_SIZE, before })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ body }) => {
          this.messages.update((shown) => (before ? [...shown, ...body.items] : body.items));
          this.nextBefore.set(body.nextBefore);
          this.loading.set(false);
          this.loaded.set(true);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.off.set(isMailboxOff(error));
          this.failure.set(this.off() ? null : describeProblem(error, 'Opening the dev mailbox'));
        },
      });
  }
}
