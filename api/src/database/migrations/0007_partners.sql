-- Partners (MSPs, and enterprises managing their own sub-orgs), their admins, their portfolio of
-- associated orgs, invitations and applications. Every table carries partner_id, the key a
-- distributed PostgreSQL would shard partner data on.

CREATE TABLE partners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('msp', 'enterprise')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  -- MFA is required for every admin and cannot be turned off, so it is not a column.
  launch_reason_required boolean NOT NULL DEFAULT false,
  launch_session_minutes integer NOT NULL DEFAULT 60 CHECK (launch_session_minutes BETWEEN 15 AND 480),
  created_at timestamptz NOT NULL DEFAULT now(),
  status_changed_at timestamptz,
  status_reason text
);

-- An administrator's membership of a partner. An administrator belongs to at most one partner, so
-- that `/api/v1/partner/...` always means "my partner".
CREATE TABLE partner_admins (
  partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  administrator_id uuid NOT NULL REFERENCES administrators (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'helpdesk', 'readonly')),
  org_access text NOT NULL DEFAULT 'all' CHECK (org_access IN ('all', 'selected')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  added_at timestamptz NOT NULL DEFAULT now(),
  added_by uuid,
  PRIMARY KEY (partner_id, administrator_id),
  -- An owner manages everything, so it always reaches every org.
  CONSTRAINT partner_admins_owner_all_orgs CHECK (role <> 'owner' OR org_access = 'all')
);
CREATE UNIQUE INDEX partner_admins_one_partner_key ON partner_admins (administrator_id);

-- The orgs an admin with `selected` access reaches (only those also in the partner's portfolio count).
CREATE TABLE partner_admin_orgs (
  partner_id uuid NOT NULL,
  administrator_id uuid NOT NULL,
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  PRIMARY KEY (partner_id, administrator_id, org_id),
  FOREIGN KEY (partner_id, administrator_id) REFERENCES partner_admins (partner_id, administrator_id) ON DELETE CASCADE
);

-- The partner's portfolio. History is kept: a detached association stays, and an org has at most one
-- active association at a time.
CREATE TABLE partner_associations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'detached')),
  source text NOT NULL CHECK (source IN ('created', 'verified', 'staff')),
  since timestamptz NOT NULL DEFAULT now(),
  created_by_type text NOT NULL CHECK (created_by_type IN ('administrator', 'staff', 'system')),
  created_by_id uuid,
  created_by_label text,
  detached_at timestamptz,
  detached_by_type text CHECK (detached_by_type IN ('administrator', 'staff', 'system')),
  detached_by_id uuid,
  detached_by_label text,
  detached_reason text,
  CONSTRAINT partner_associations_detached_when CHECK ((status = 'detached') = (detached_at IS NOT NULL))
);
CREATE UNIQUE INDEX partner_associations_one_active_key ON partner_associations (org_id) WHERE status = 'active';
CREATE INDEX partner_associations_partner_idx ON partner_associations (partner_id, org_id) WHERE status = 'active';

-- Invitations to become an admin of a partner. The token is shown only in the emailed link and
-- stored as SHA-256; resending replaces it. At most one open invitation per partner and address.
CREATE TABLE partner_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(btrim(email))),
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'helpdesk', 'readonly')),
  org_access text NOT NULL DEFAULT 'all' CHECK (org_access IN ('all', 'selected')),
  org_ids uuid[] NOT NULL DEFAULT '{}',
  token_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_sent_at timestamptz NOT NULL DEFAULT now(),
  sent_count integer NOT NULL DEFAULT 1,
  invited_by_type text NOT NULL CHECK (invited_by_type IN ('administrator', 'staff', 'system')),
  invited_by_id uuid,
  invited_by_label text,
  accepted_at timestamptz,
  accepted_by uuid,
  revoked_at timestamptz,
  CONSTRAINT partner_invitations_owner_all_orgs CHECK (role <> 'owner' OR org_access = 'all')
);
CREATE UNIQUE INDEX partner_invitations_token_key ON partner_invitations (token_hash);
CREATE UNIQUE INDEX partner_invitations_open_key ON partner_invitations (partner_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE INDEX partner_invitations_partner_idx ON partner_invitations (partner_id, created_at DESC);

-- "Become a partner" and "request an evaluation" forms, for staff to review.
CREATE TABLE partner_applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('partner', 'evaluation')),
  company text NOT NULL CHECK (length(btrim(company)) BETWEEN 1 AND 200),
  contact_name text NOT NULL CHECK (length(btrim(contact_name)) BETWEEN 1 AND 200),
  email text NOT NULL CHECK (email = lower(btrim(email))),
  customer_count integer CHECK (customer_count IS NULL OR customer_count >= 0),
  partner_kind text NOT NULL DEFAULT 'msp' CHECK (partner_kind IN ('msp', 'enterprise')),
  message text NOT NULL DEFAULT '' CHECK (length(message) <= 2000),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'approved', 'rejected')),
  created_at timestamptz NOT NULL DEFAULT now(),
  handled_at timestamptz,
  handled_by uuid,
  handled_note text,
  partner_id uuid REFERENCES partners (id) ON DELETE SET NULL
);
CREATE INDEX partner_applications_status_idx ON partner_applications (status, created_at DESC);
