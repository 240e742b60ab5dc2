-- The partner dashboard reads a partner's orgs, users and systems across up to tens of thousands of
-- orgs, sorted and paged. Each such read must walk one index scoped to the partner, so the managing
-- partner is copied onto the rows it reads (the key a distributed PostgreSQL would shard them on),
-- and an org's row in org_stats carries everything its line in the org table shows.

-- The partner that manages the org (null when none). Set only through the orgs module when an
-- association starts or ends; new users and systems take it from their org's stats row.
ALTER TABLE org_stats
  ADD COLUMN partner_id uuid,
  ADD COLUMN public_id text,
  ADD COLUMN name text,
  ADD COLUMN status text,
  -- MFA coverage counts active users: staged ones cannot have enrolled, suspended ones cannot sign in.
  ADD COLUMN users_active_mfa integer NOT NULL DEFAULT 0,
  ADD COLUMN systems_windows integer NOT NULL DEFAULT 0,
  ADD COLUMN systems_macos integer NOT NULL DEFAULT 0,
  ADD COLUMN systems_linux integer NOT NULL DEFAULT 0,
  ADD COLUMN systems_other integer NOT NULL DEFAULT 0;

UPDATE org_stats s SET public_id = o.public_id, name = o.name, status = o.status FROM organizations o WHERE o.id = s.org_id;
UPDATE org_stats s SET users_active_mfa = c.n
  FROM (SELECT org_id, count(*) AS n FROM directory_users WHERE state = 'active' AND mfa_enrolled GROUP BY org_id) c WHERE c.org_id = s.org_id;
UPDATE org_stats s SET
    systems_windows = c.windows, systems_macos = c.macos, systems_linux = c.linux, systems_other = c.other
  FROM (SELECT org_id,
          count(*) FILTER (WHERE os_family = 'windows') AS windows, count(*) FILTER (WHERE os_family = 'macos') AS macos,
          count(*) FILTER (WHERE os_family = 'linux') AS linux, count(*) FILTER (WHERE os_family = 'other') AS other
        FROM systems GROUP BY org_id) c
  WHERE c.org_id = s.org_id;
UPDATE org_stats s SET partner_id = a.partner_id FROM partner_associations a WHERE a.org_id = s.org_id AND a.status = 'active';
ALTER TABLE org_stats ALTER COLUMN public_id SET NOT NULL, ALTER COLUMN name SET NOT NULL, ALTER COLUMN status SET NOT NULL;

-- Sort keys without nulls, so that keyset paging compares plain values: no active users sorts below
-- 0 % (the permille is rounded as the portal shows it, so equal figures tie), never active below any date.
ALTER TABLE org_stats
  ADD COLUMN name_key text GENERATED ALWAYS AS (lower(name)) STORED,
  ADD COLUMN mfa_permille integer GENERATED ALWAYS AS (CASE WHEN users_active > 0 THEN round(1000.0 * users_active_mfa / users_active)::integer ELSE -1 END) STORED,
  ADD COLUMN activity_key timestamptz GENERATED ALWAYS AS (coalesce(last_activity_at, '-infinity'::timestamptz)) STORED;

-- One index per sortable column, scoped to the partner, ending in the unique tie-breaker.
CREATE INDEX org_stats_partner_name_idx ON org_stats (partner_id, name_key, org_id) WHERE partner_id IS NOT NULL;
CREATE INDEX org_stats_partner_users_idx ON org_stats (partner_id, users_total, org_id) WHERE partner_id IS NOT NULL;
CREATE INDEX org_stats_partner_systems_idx ON org_stats (partner_id, systems_total, org_id) WHERE partner_id IS NOT NULL;
CREATE INDEX org_stats_partner_admins_idx ON org_stats (partner_id, admins, org_id) WHERE partner_id IS NOT NULL;
CREATE INDEX org_stats_partner_mfa_idx ON org_stats (partner_id, mfa_permille, org_id) WHERE partner_id IS NOT NULL;
CREATE INDEX org_stats_partner_locked_idx ON org_stats (partner_id, users_locked, org_id) WHERE partner_id IS NOT NULL;
CREATE INDEX org_stats_partner_activity_idx ON org_stats (partner_id, activity_key, org_id) WHERE partner_id IS NOT NULL;
CREATE INDEX org_stats_name_search_idx ON org_stats USING gin (name_key gin_trgm_ops);

-- The org's OrgID, name and status follow the org.
CREATE OR REPLACE FUNCTION org_stats_create() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO org_stats (org_id, public_id, name, status) VALUES (NEW.id, NEW.public_id, NEW.name, NEW.status);
  RETURN NEW;
END;
$$;
CREATE FUNCTION org_stats_follow_org() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE org_stats SET public_id = NEW.public_id, name = NEW.name, status = NEW.status WHERE org_id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER organizations_stats_follow AFTER UPDATE OF public_id, name, status ON organizations FOR EACH ROW
  WHEN ((OLD.public_id, OLD.name, OLD.status) IS DISTINCT FROM (NEW.public_id, NEW.name, NEW.status))
  EXECUTE FUNCTION org_stats_follow_org();

CREATE OR REPLACE FUNCTION org_stats_users_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($sql$
    UPDATE org_stats s SET
      users_total = s.users_total + d.total,
      users_active = s.users_active + d.active,
      users_suspended = s.users_suspended + d.suspended,
      users_staged = s.users_staged + d.staged,
      users_mfa = s.users_mfa + d.mfa,
      users_active_mfa = s.users_active_mfa + d.active_mfa,
      users_locked = s.users_locked + d.locked,
      last_activity_at = GREATEST(s.last_activity_at, d.last_login)
    FROM (
      SELECT org_id,
        sum(sign) AS total,
        coalesce(sum(sign) FILTER (WHERE state = 'active'), 0) AS active,
        coalesce(sum(sign) FILTER (WHERE state = 'suspended'), 0) AS suspended,
        coalesce(sum(sign) FILTER (WHERE state = 'staged'), 0) AS staged,
        coalesce(sum(sign) FILTER (WHERE mfa_enrolled), 0) AS mfa,
        coalesce(sum(sign) FILTER (WHERE mfa_enrolled AND state = 'active'), 0) AS active_mfa,
        coalesce(sum(sign) FILTER (WHERE locked_out), 0) AS locked,
        max(last_login_at) FILTER (WHERE sign = 1) AS last_login
      FROM (%s) changes GROUP BY org_id
    ) d
    WHERE s.org_id = d.org_id
      AND (d.total <> 0 OR d.active <> 0 OR d.suspended <> 0 OR d.staged <> 0 OR d.mfa <> 0 OR d.active_mfa <> 0 OR d.locked <> 0
           OR d.last_login > coalesce(s.last_activity_at, '-infinity'))$sql$, org_stats_changes_source(TG_OP, 'org_id, state, mfa_enrolled, locked_out, last_login_at'));
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION org_stats_systems_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($sql$
    UPDATE org_stats s SET
      systems_total = s.systems_total + d.total,
      systems_active = s.systems_active + d.active,
      systems_windows = s.systems_windows + d.windows,
      systems_macos = s.systems_macos + d.macos,
      systems_linux = s.systems_linux + d.linux,
      systems_other = s.systems_other + d.other
    FROM (SELECT org_id, sum(sign) AS total,
            coalesce(sum(sign) FILTER (WHERE active), 0) AS active,
            coalesce(sum(sign) FILTER (WHERE os_family = 'windows'), 0) AS windows,
            coalesce(sum(sign) FILTER (WHERE os_family = 'macos'), 0) AS macos,
            coalesce(sum(sign) FILTER (WHERE os_family = 'linux'), 0) AS linux,
            coalesce(sum(sign) FILTER (WHERE os_family = 'other'), 0) AS other
          FROM (%s) changes GROUP BY org_id) d
    WHERE s.org_id = d.org_id AND (d.total <> 0 OR d.active <> 0 OR d.windows <> 0 OR d.macos <> 0 OR d.linux <> 0 OR d.other <> 0)$sql$,
    org_stats_changes_source(TG_OP, 'org_id, active, os_family'));
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION org_stats_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'directory_users' THEN
      UPDATE org_stats SET users_total = 0, users_active = 0, users_suspended = 0, users_staged = 0, users_mfa = 0, users_active_mfa = 0, users_locked = 0;
    WHEN 'systems' THEN
      UPDATE org_stats SET systems_total = 0, systems_active = 0, systems_windows = 0, systems_macos = 0, systems_linux = 0, systems_other = 0;
    WHEN 'org_admins' THEN UPDATE org_stats SET admins = 0;
  END CASE;
  RETURN NULL;
END;
$$;

-- Users and systems carry their org's managing partner too. A new row takes it from the org's stats
-- row under the lock that an association change also takes, so a row inserted while an org is
-- attached or detached cannot keep the old partner.
ALTER TABLE directory_users ADD COLUMN partner_id uuid;
ALTER TABLE systems ADD COLUMN partner_id uuid;
UPDATE directory_users u SET partner_id = s.partner_id FROM org_stats s WHERE s.org_id = u.org_id AND s.partner_id IS NOT NULL;
UPDATE systems y SET partner_id = s.partner_id FROM org_stats s WHERE s.org_id = y.org_id AND s.partner_id IS NOT NULL;

CREATE FUNCTION take_managing_partner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT partner_id INTO NEW.partner_id FROM org_stats WHERE org_id = NEW.org_id FOR NO KEY UPDATE;
  RETURN NEW;
END;
$$;
CREATE TRIGGER directory_users_managing_partner BEFORE INSERT ON directory_users FOR EACH ROW EXECUTE FUNCTION take_managing_partner();
CREATE TRIGGER systems_managing_partner BEFORE INSERT ON systems FOR EACH ROW EXECUTE FUNCTION take_managing_partner();

-- The cross-org tabs and widgets: one index per sort, scoped to the partner.
CREATE INDEX directory_users_partner_username_idx ON directory_users (partner_id, username, id) WHERE partner_id IS NOT NULL;
CREATE INDEX directory_users_partner_created_idx ON directory_users (partner_id, created_at, id) WHERE partner_id IS NOT NULL;
CREATE INDEX directory_users_partner_login_idx ON directory_users (partner_id, (coalesce(last_login_at, '-infinity'::timestamptz)), id) WHERE partner_id IS NOT NULL;
CREATE INDEX directory_users_partner_locked_idx ON directory_users (partner_id, (coalesce(locked_out_at, '-infinity'::timestamptz)), id) WHERE partner_id IS NOT NULL AND locked_out;
CREATE INDEX directory_users_partner_password_idx ON directory_users (partner_id, password_expires_at, id) WHERE partner_id IS NOT NULL AND password_expires_at IS NOT NULL;
CREATE INDEX systems_partner_hostname_idx ON systems (partner_id, hostname, id) WHERE partner_id IS NOT NULL;
CREATE INDEX systems_partner_contact_idx ON systems (partner_id, (coalesce(last_contact_at, '-infinity'::timestamptz)), id) WHERE partner_id IS NOT NULL;

-- Moves an org's rows to another managing partner (or to none). Existing rows are taken first, then
-- the stats row (which new rows wait on), then any row inserted in between: the same lock order as
-- an ordinary user change (its rows, then the stats row), so the two cannot deadlock.
CREATE FUNCTION set_managing_partner(target_org uuid, managing_partner uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE directory_users SET partner_id = managing_partner WHERE org_id = target_org AND partner_id IS DISTINCT FROM managing_partner;
  UPDATE systems SET partner_id = managing_partner WHERE org_id = target_org AND partner_id IS DISTINCT FROM managing_partner;
  UPDATE org_stats SET partner_id = managing_partner WHERE org_id = target_org;
  UPDATE directory_users SET partner_id = managing_partner WHERE org_id = target_org AND partner_id IS DISTINCT FROM managing_partner;
  UPDATE systems SET partner_id = managing_partner WHERE org_id = target_org AND partner_id IS DISTINCT FROM managing_partner;
END;
$$;

-- The copy follows the partners' associations whatever writes them (the service, the back-office,
-- a bulk load), so it cannot drift from them.
CREATE FUNCTION partner_associations_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active'
     AND (TG_OP = 'DELETE' OR NEW.status <> 'active' OR NEW.org_id <> OLD.org_id OR NEW.partner_id <> OLD.partner_id) THEN
    PERFORM set_managing_partner(OLD.org_id, NULL);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'active'
     AND (TG_OP = 'INSERT' OR OLD.status <> 'active' OR NEW.org_id <> OLD.org_id OR NEW.partner_id <> OLD.partner_id) THEN
    PERFORM set_managing_partner(NEW.org_id, NEW.partner_id);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER partner_associations_managing_partner AFTER INSERT OR UPDATE OR DELETE ON partner_associations
  FOR EACH ROW EXECUTE FUNCTION partner_associations_follow();
