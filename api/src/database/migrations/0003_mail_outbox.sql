-- The transactional mail outbox. A module that causes an email inserts its row in the same transaction
-- as the change, so the email exists exactly when the change does; a worker in any instance delivers
-- it later. Messages are rendered when queued: a row never changes what it says, and in the embedded
-- default (no SMTP) the row itself is the message shown in the dev mailbox.
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  recipient text NOT NULL,
  subject text NOT NULL,
  html_body text NOT NULL,
  text_body text NOT NULL,
  template text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- When a worker may next take the row: due time while pending, end of the lease while sending.
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  claimed_until timestamptz,
  last_error text,
  transport text CHECK (transport IN ('smtp', 'dev-mailbox')),
  -- clock_timestamp, not now(): several messages queued in one transaction keep their order.
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  sent_at timestamptz,
  CONSTRAINT mail_outbox_sent_recorded CHECK ((status = 'sent') = (sent_at IS NOT NULL AND transport IS NOT NULL))
);

-- Serves the workers' claim: the due rows in order, and nothing of the (ever growing) sent history.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');

-- Serves the dev mailbox, newest first, paged by (created_at, id).
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC, id DESC);
