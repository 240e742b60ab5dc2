-- Verification requests: a partner proving, through an org admin's email, that it may manage an org.
-- Every request is recorded the same way, so the partner's list tells nothing about which OrgIDs
-- exist or which emails are admins; only a deliverable one ever had a code sent, and only it can
-- be completed. Why one was not deliverable is kept for staff (undeliverable_reason).
CREATE TABLE verification_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  -- What the partner typed: shown back to it as is.
  entered_org_id text NOT NULL CHECK (entered_org_id ~ '^[0-9a-f]{24}$'),
  recipient_email text NOT NULL CHECK (recipient_email = lower(btrim(recipient_email))),
  -- The org it names, when there is one.
  org_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
  deliverable boolean NOT NULL,
  undeliverable_reason text CHECK (undeliverable_reason IN ('org_not_found', 'not_an_admin', 'already_associated', 'associated_elsewhere')),
  requested_by uuid NOT NULL,
  requested_by_label text NOT NULL,
  -- SHA-256 of the code and of the link's token; replaced at each resend.
  code_hash bytea NOT NULL,
  link_token_hash bytea NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'declined', 'cancelled', 'void')),
  failed_attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_sent_at timestamptz NOT NULL DEFAULT now(),
  sent_count integer NOT NULL DEFAULT 1,
  completed_at timestamptz,
  completed_via text CHECK (completed_via IN ('code', 'link')),
  CONSTRAINT verification_requests_reason_when CHECK (deliverable = (undeliverable_reason IS NULL))
);
CREATE UNIQUE INDEX verification_requests_link_token_key ON verification_requests (link_token_hash);
CREATE INDEX verification_requests_partner_idx ON verification_requests (partner_id, created_at DESC);
CREATE INDEX verification_requests_pending_idx ON verification_requests (partner_id, expires_at) WHERE status = 'pending';
