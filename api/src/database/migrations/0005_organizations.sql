-- Customer organizations (tenants) and their directories. Every table carries org_id, the key a
-- distributed PostgreSQL would shard on; no query joins across organizations.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The OrgID people see and type: 24 lowercase hex characters.
  public_id text NOT NULL CHECK (public_id ~ '^[0-9a-f]{24}$'),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  user_cap integer CHECK (user_cap IS NULL OR user_cap > 0),
  password_expiry_days integer CHECK (password_expiry_days IS NULL OR password_expiry_days BETWEEN 1 AND 3650),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organizations_public_id_key ON organizations (public_id);

-- Administrators of an org (an administrator may be an admin of many orgs).
CREATE TABLE org_admins (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  administrator_id uuid NOT NULL REFERENCES administrators (id) ON DELETE CASCADE,
  added_at timestamptz NOT NULL DEFAULT now(),
  added_by uuid,
  PRIMARY KEY (org_id, administrator_id)
);
CREATE INDEX org_admins_administrator_idx ON org_admins (administrator_id);

CREATE TABLE directory_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  email text NOT NULL CHECK (email = lower(btrim(email))),
  first_name text NOT NULL DEFAULT '',
  last_name text NOT NULL DEFAULT '',
  state text NOT NULL DEFAULT 'active' CHECK (state IN ('staged', 'active', 'suspended')),
  mfa_enrolled boolean NOT NULL DEFAULT false,
  locked_out boolean NOT NULL DEFAULT false,
  locked_out_at timestamptz,
  password_expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  search_text text GENERATED ALWAYS AS (lower(username || ' ' || email || ' ' || first_name || ' ' || last_name)) STORED
);
CREATE UNIQUE INDEX directory_users_org_username_key ON directory_users (org_id, username);
CREATE INDEX directory_users_org_created_idx ON directory_users (org_id, created_at, id);
CREATE INDEX directory_users_org_password_expiry_idx ON directory_users (org_id, password_expires_at) WHERE password_expires_at IS NOT NULL;
CREATE INDEX directory_users_org_locked_idx ON directory_users (org_id, locked_out_at) WHERE locked_out;
CREATE INDEX directory_users_search_idx ON directory_users USING gin (search_text gin_trgm_ops);

CREATE TABLE systems (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  hostname text NOT NULL CHECK (length(hostname) BETWEEN 1 AND 253),
  os_family text NOT NULL CHECK (os_family IN ('windows', 'macos', 'linux', 'other')),
  os_version text NOT NULL DEFAULT '',
  agent_version text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  last_contact_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX systems_org_created_idx ON systems (org_id, created_at, id);
CREATE INDEX systems_org_hostname_idx ON systems (org_id, hostname);

-- Which users a system is bound to.
CREATE TABLE system_users (
  org_id uuid NOT NULL,
  system_id uuid NOT NULL REFERENCES systems (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES directory_users (id) ON DELETE CASCADE,
  PRIMARY KEY (system_id, user_id)
);
CREATE INDEX system_users_user_idx ON system_users (user_id);

-- The figures the partner dashboard reads for thousands of orgs at once. Triggers keep them in the
-- same transaction as every change that moves them, whatever code (or bulk load) made the change.
CREATE TABLE org_stats (
  org_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  users_total integer NOT NULL DEFAULT 0,
  users_active integer NOT NULL DEFAULT 0,
  users_suspended integer NOT NULL DEFAULT 0,
  users_staged integer NOT NULL DEFAULT 0,
  users_mfa integer NOT NULL DEFAULT 0,
  users_locked integer NOT NULL DEFAULT 0,
  systems_total integer NOT NULL DEFAULT 0,
  systems_active integer NOT NULL DEFAULT 0,
  admins integer NOT NULL DEFAULT 0,
  last_activity_at timestamptz
);

CREATE FUNCTION org_stats_create() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO org_stats (org_id) VALUES (NEW.id);
  RETURN NEW;
END;
$$;
CREATE TRIGGER organizations_stats_row AFTER INSERT ON organizations FOR EACH ROW EXECUTE FUNCTION org_stats_create();

-- Statement-level triggers with transition tables: one aggregated update per statement and org, so
-- that a bulk load of a million users costs one update per org, not one per user. The source of the
-- deltas depends on the operation: new rows count +1, old rows -1.
CREATE FUNCTION org_stats_changes_source(operation text, columns text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE operation
    WHEN 'INSERT' THEN format('SELECT 1 AS sign, %s FROM new_rows', columns)
    WHEN 'DELETE' THEN format('SELECT -1 AS sign, %s FROM old_rows', columns)
    ELSE format('SELECT 1 AS sign, %1$s FROM new_rows UNION ALL SELECT -1, %1$s FROM old_rows', columns)
  END;
$$;

CREATE FUNCTION org_stats_users_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($sql$
    UPDATE org_stats s SET
      users_total = s.users_total + d.total,
      users_active = s.users_active + d.active,
      users_suspended = s.users_suspended + d.suspended,
      users_staged = s.users_staged + d.staged,
      users_mfa = s.users_mfa + d.mfa,
      users_locked = s.users_locked + d.locked,
      last_activity_at = GREATEST(s.last_activity_at, d.last_login)
    FROM (
      SELECT org_id,
        sum(sign) AS total,
        coalesce(sum(sign) FILTER (WHERE state = 'active'), 0) AS active,
        coalesce(sum(sign) FILTER (WHERE state = 'suspended'), 0) AS suspended,
        coalesce(sum(sign) FILTER (WHERE state = 'staged'), 0) AS staged,
        coalesce(sum(sign) FILTER (WHERE mfa_enrolled), 0) AS mfa,
        coalesce(sum(sign) FILTER (WHERE locked_out), 0) AS locked,
        max(last_login_at) FILTER (WHERE sign = 1) AS last_login
      FROM (%s) changes GROUP BY org_id
    ) d
    WHERE s.org_id = d.org_id$sql$, org_stats_changes_source(TG_OP, 'org_id, state, mfa_enrolled, locked_out, last_login_at'));
  RETURN NULL;
END;
$$;
CREATE TRIGGER directory_users_stats_insert AFTER INSERT ON directory_users REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_stats_users_changed();
CREATE TRIGGER directory_users_stats_update AFTER UPDATE ON directory_users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_stats_users_changed();
CREATE TRIGGER directory_users_stats_delete AFTER DELETE ON directory_users REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_stats_users_changed();

CREATE FUNCTION org_stats_systems_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($sql$
    UPDATE org_stats s SET systems_total = s.systems_total + d.total, systems_active = s.systems_active + d.active
    FROM (SELECT org_id, sum(sign) AS total, coalesce(sum(sign) FILTER (WHERE active), 0) AS active FROM (%s) changes GROUP BY org_id) d
    WHERE s.org_id = d.org_id$sql$, org_stats_changes_source(TG_OP, 'org_id, active'));
  RETURN NULL;
END;
$$;
CREATE TRIGGER systems_stats_insert AFTER INSERT ON systems REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_stats_systems_changed();
CREATE TRIGGER systems_stats_update AFTER UPDATE ON systems REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_stats_systems_changed();
CREATE TRIGGER systems_stats_delete AFTER DELETE ON systems REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_stats_systems_changed();

CREATE FUNCTION org_stats_admins_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($sql$
    UPDATE org_stats s SET admins = s.admins + d.total
    FROM (SELECT org_id, sum(sign) AS total FROM (%s) changes GROUP BY org_id) d
    WHERE s.org_id = d.org_id$sql$, org_stats_changes_source(TG_OP, 'org_id'));
  RETURN NULL;
END;
$$;
CREATE TRIGGER org_admins_stats_insert AFTER INSERT ON org_admins REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_stats_admins_changed();
CREATE TRIGGER org_admins_stats_delete AFTER DELETE ON org_admins REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_stats_admins_changed();
