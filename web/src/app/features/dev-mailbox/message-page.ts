import { DatePipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { ApiConfiguration, type DevMailboxMessageDto, getDevMailboxMessage } from '@mtp/api-client';

import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { LoadingState, NoticeBanner, ProblemBanner } from '../../shared/ui/page-states';
import { MAILBOX_OFF_TEXT, isMailboxOff, linksIn } from './mailbox';

/**
 * One email of the dev mailbox: its plain-text part as sent, and its links to follow. The HTML
 * part is not rendered: the text says the same without running anything from the email.
 */
@Component({
  selector: 'mtp-message-page',
  imports: [DatePipe, LoadingState, MatButtonModule, MatIconModule, NoticeBanner, ProblemBanner, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './message-page.html',
  styleUrl: './message-page.scss',
})
export class MessagePage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiConfiguration);
  private readonly destroyRef = inject(DestroyRef);

  /** From the address: /dev/mailbox/:id. */
  readonly id = input.required<string>();

  protected readonly offText = MAILBOX_OFF_TEXT;
  protected readonly message = signal<DevMailboxMessageDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly off = signal(false);
  protected readonly failure = signal<ProblemView | null>(null);
  protected readonly links = computed(() => linksIn(this.message()?.text ?? ''));

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failure.set(null);
    getDevMailboxMessage(this.http, this.api.rootUrl, { id: this.id() })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ body }) => {
          this.message.set(body);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.off.set(isMailboxOff(error));
          this.failure.set(this.off() ? null : describeProblem(error, 'Opening the email'));
        },
      });
  }
}
