import { ApiProblem } from '../../core/http/api-problem';

/** The API answers every dev-mailbox route as a route that does not exist when the mailbox is off. */
export function isMailboxOff(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 404 && error.code !== 'mail.message_not_found';
}

export const MAILBOX_OFF_TEXT = 'The dev mailbox is off: emails are delivered by SMTP';

/** The web links in an email's text, in order, each once: what a person would click. */
export function linksIn(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"']+/g) ?? [];
  // A sentence's closing punctuation is not part of the link.
  return [...new Set(found.map((link) => link.replace(/[.,;:!?)\]]+$/, '')))];
}
