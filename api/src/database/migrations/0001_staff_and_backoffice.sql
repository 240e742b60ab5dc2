-- Platform staff: the people who run the back-office. Emails are stored trimmed and lower-cased.
CREATE TABLE staff_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  CONSTRAINT staff_users_email_normalized CHECK (email = lower(btrim(email)))
);
CREATE UNIQUE INDEX staff_users_email_key ON staff_users (email);

-- Back-office sign-in sessions (express-session), kept in the database so that every instance shares them.
CREATE TABLE backoffice_sessions (
  sid varchar PRIMARY KEY,
  sess json NOT NULL,
  expire timestamp(6) NOT NULL
);
CREATE INDEX backoffice_sessions_expire_idx ON backoffice_sessions (expire);
