import { formatDate } from '@angular/common';
import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Past this, "41 days ago" says less than the date itself. */
const RELATIVE_UNTIL = 30 * DAY;

/**
 * When something happened, as people say it: "just now", "5 minutes ago", "yesterday", "3 days ago";
 * older than a month, the date. Null is for never.
 */
export function relativeTime(iso: string | null, now: number, locale: string): string {
  if (!iso) {
    return 'Never';
  }
  const at = new Date(iso).getTime();
  const ago = now - at;
  if (Number.isNaN(at) || ago >= RELATIVE_UNTIL || ago < -MINUTE) {
    return formatDate(iso, 'mediumDate', locale);
  }
  if (ago < MINUTE) {
    return 'Just now';
  }
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (ago < HOUR) {
    return words.format(-Math.floor(ago / MINUTE), 'minute');
  }
  if (ago < DAY) {
    return words.format(-Math.floor(ago / HOUR), 'hour');
  }
  return words.format(-Math.floor(ago / DAY), 'day');
}

/** `relativeTime` as of when the row is drawn; the exact moment goes in a title beside it. */
@Pipe({ name: 'mtpRelativeTime' })
export class RelativeTimePipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(iso: string | null): string {
    return relativeTime(iso, Date.now(), this.locale);
  }
}
