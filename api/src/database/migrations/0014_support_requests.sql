-- Support requests: what a partner asks of platform staff (detach an org, training, general help),
-- and the timeline of each, kept whole: status changes and comments from both sides.

CREATE TABLE support_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The number people quote ("request 1042"), in order of filing.
  number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('detach', 'training', 'general')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved', 'rejected', 'cancelled')),
  subject text NOT NULL CHECK (length(btrim(subject)) BETWEEN 1 AND 200),
  -- What the kind asks for: detach { reason, effectiveDate }, training { topic, preferredDates,
  -- attendees, notes }, general { message }. Validated by the support module.
  details jsonb NOT NULL DEFAULT '{}',
  -- The org a detach request is about.
  org_id uuid REFERENCES organizations (id) ON DELETE SET NULL,
  created_by_id uuid REFERENCES administrators (id) ON DELETE SET NULL,
  created_by_label text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  closed_at timestamptz,
  -- The staff member who took it.
  assignee_id uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  CONSTRAINT support_requests_closed_when CHECK ((status IN ('resolved', 'rejected', 'cancelled')) = (closed_at IS NOT NULL))
);
-- One open detach request per org at a time.
CREATE UNIQUE INDEX support_requests_one_open_detach_key ON support_requests (org_id) WHERE kind = 'detach' AND status IN ('open', 'in_progress');
-- Lists go newest first by number, which only grows.
CREATE INDEX support_requests_partner_idx ON support_requests (partner_id, number DESC);
CREATE INDEX support_requests_queue_idx ON support_requests (status, number DESC);

CREATE TABLE support_request_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES support_requests (id) ON DELETE CASCADE,
  occurred_at timestamptz NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('administrator', 'staff', 'system')),
  actor_id uuid,
  actor_label text,
  kind text NOT NULL CHECK (kind IN ('filed', 'status', 'comment')),
  -- The status it moved to, for a status change.
  status text CHECK (status IN ('open', 'in_progress', 'resolved', 'rejected', 'cancelled')),
  comment text CHECK (length(comment) BETWEEN 1 AND 5000),
  CONSTRAINT support_request_events_status_when CHECK ((kind = 'status') = (status IS NOT NULL)),
  CONSTRAINT support_request_events_comment_when CHECK (kind <> 'comment' OR comment IS NOT NULL)
);
CREATE INDEX support_request_events_request_idx ON support_request_events (request_id, id);
