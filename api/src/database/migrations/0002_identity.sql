-- Administrators: one account per email (stored trimmed and lower-cased). An administrator may be a
-- partner admin, an admin of one or many customer orgs, or both; those memberships live in the
-- partners and orgs modules. The password is null until an invited administrator sets one.
CREATE TABLE administrators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  password_hash text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz,
  last_login_at timestamptz,
  CONSTRAINT administrators_email_normalized CHECK (email = lower(btrim(email)))
);
CREATE UNIQUE INDEX administrators_email_key ON administrators (email);

ALTER TABLE staff_users ADD COLUMN password_changed_at timestamptz;

-- TOTP factors of administrators and staff. The secret is AES-256-GCM ciphertext; last_step is the
-- last accepted 30-second step, so that each code is accepted once.
CREATE TABLE totp_factors (
  principal_type text NOT NULL CHECK (principal_type IN ('administrator', 'staff')),
  principal_id uuid NOT NULL,
  secret_ciphertext bytea NOT NULL,
  confirmed_at timestamptz,
  last_step bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (principal_type, principal_id)
);

-- Single-use recovery codes, stored as SHA-256 of the code (they carry 50 random bits).
CREATE TABLE recovery_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  principal_type text NOT NULL CHECK (principal_type IN ('administrator', 'staff')),
  principal_id uuid NOT NULL,
  code_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);
CREATE INDEX recovery_codes_principal_idx ON recovery_codes (principal_type, principal_id);

-- A sign-in session: the family of refresh tokens issued from one sign-in. Access tokens name their
-- session, and a revoked session stops them on the next request.
CREATE TABLE auth_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  administrator_id uuid NOT NULL REFERENCES administrators (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_reason text,
  ip text,
  user_agent text
);
CREATE INDEX auth_sessions_administrator_idx ON auth_sessions (administrator_id) WHERE revoked_at IS NULL;

-- Refresh tokens: opaque random strings, stored as SHA-256, rotated on every use. A used one that
-- comes back means it was stolen: its whole session is revoked.
CREATE TABLE refresh_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
  token_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE UNIQUE INDEX refresh_tokens_token_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- Password reset links: single use, 30 minutes, stored as SHA-256 of the token.
CREATE TABLE password_reset_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  administrator_id uuid NOT NULL REFERENCES administrators (id) ON DELETE CASCADE,
  token_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE UNIQUE INDEX password_reset_tokens_token_hash_key ON password_reset_tokens (token_hash);

-- Attempt counters for sign-in limits (fixed windows), shared by every instance. Used when no
-- REDIS_URL is set.
CREATE TABLE rate_limit_counters (
  key text PRIMARY KEY,
  window_started_at timestamptz NOT NULL,
  hits integer NOT NULL
);
