-- Fixes to the org figures and bindings of 0005, found by the property test and review.

-- An update that moves no figure (a rename) no longer rewrites and locks the org's stats row, which
-- made every other writer in the org wait. last_activity_at is a high-water mark: the latest login
-- ever seen; deleting users does not lower it.
CREATE OR REPLACE FUNCTION org_stats_users_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
    WHERE s.org_id = d.org_id
      AND (d.total <> 0 OR d.active <> 0 OR d.suspended <> 0 OR d.staged <> 0 OR d.mfa <> 0 OR d.locked <> 0
           OR d.last_login > coalesce(s.last_activity_at, '-infinity'))$sql$, org_stats_changes_source(TG_OP, 'org_id, state, mfa_enrolled, locked_out, last_login_at'));
  RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION org_stats_systems_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($sql$
    UPDATE org_stats s SET systems_total = s.systems_total + d.total, systems_active = s.systems_active + d.active
    FROM (SELECT org_id, sum(sign) AS total, coalesce(sum(sign) FILTER (WHERE active), 0) AS active FROM (%s) changes GROUP BY org_id) d
    WHERE s.org_id = d.org_id AND (d.total <> 0 OR d.active <> 0)$sql$, org_stats_changes_source(TG_OP, 'org_id, active'));
  RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION org_stats_admins_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($sql$
    UPDATE org_stats s SET admins = s.admins + d.total
    FROM (SELECT org_id, sum(sign) AS total FROM (%s) changes GROUP BY org_id) d
    WHERE s.org_id = d.org_id AND d.total <> 0$sql$, org_stats_changes_source(TG_OP, 'org_id'));
  RETURN NULL;
END;
$$;

-- Moving an admin row between orgs moves its count too.
CREATE TRIGGER org_admins_stats_update AFTER UPDATE ON org_admins REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION org_stats_admins_changed();

-- No row trigger fires on TRUNCATE: zero the figures the emptied table feeds.
CREATE FUNCTION org_stats_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'directory_users' THEN
      UPDATE org_stats SET users_total = 0, users_active = 0, users_suspended = 0, users_staged = 0, users_mfa = 0, users_locked = 0;
    WHEN 'systems' THEN UPDATE org_stats SET systems_total = 0, systems_active = 0;
    WHEN 'org_admins' THEN UPDATE org_stats SET admins = 0;
  END CASE;
  RETURN NULL;
END;
$$;
CREATE TRIGGER directory_users_stats_truncate AFTER TRUNCATE ON directory_users FOR EACH STATEMENT EXECUTE FUNCTION org_stats_truncated();
CREATE TRIGGER systems_stats_truncate AFTER TRUNCATE ON systems FOR EACH STATEMENT EXECUTE FUNCTION org_stats_truncated();
CREATE TRIGGER org_admins_stats_truncate AFTER TRUNCATE ON org_admins FOR EACH STATEMENT EXECUTE FUNCTION org_stats_truncated();

-- A system may only be bound to a user of its own org: the binding's org must be both of theirs.
ALTER TABLE systems ADD CONSTRAINT systems_id_org_id_key UNIQUE (id, org_id);
ALTER TABLE directory_users ADD CONSTRAINT directory_users_id_org_id_key UNIQUE (id, org_id);
ALTER TABLE system_users
  DROP CONSTRAINT system_users_system_id_fkey,
  DROP CONSTRAINT system_users_user_id_fkey,
  ADD CONSTRAINT system_users_system_fkey FOREIGN KEY (system_id, org_id) REFERENCES systems (id, org_id) ON DELETE CASCADE,
  ADD CONSTRAINT system_users_user_fkey FOREIGN KEY (user_id, org_id) REFERENCES directory_users (id, org_id) ON DELETE CASCADE;
