-- The partner dashboard's time-window figures (passwords expired, expiring within 14 days, users
-- created in the last 7 days) counted 200,000 index entries per request for a partner with a
-- million users. They are now sums of hourly counts per partner, kept by statement-level triggers in
-- the same transaction as every change (as org_stats is); only the two partial hours at the edges of
-- a window are counted from the users themselves.
CREATE TABLE partner_user_hours (
  partner_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('password_expiry', 'created')),
  -- The UTC hour the users' password expires or the users were created in.
  hour timestamptz NOT NULL,
  users integer NOT NULL,
  PRIMARY KEY (partner_id, kind, hour)
);

INSERT INTO partner_user_hours (partner_id, kind, hour, users)
SELECT partner_id, 'password_expiry', date_trunc('hour', password_expires_at, 'UTC'), count(*) FROM directory_users
  WHERE partner_id IS NOT NULL AND password_expires_at IS NOT NULL GROUP BY 1, 2, 3
UNION ALL
SELECT partner_id, 'created', date_trunc('hour', created_at, 'UTC'), count(*) FROM directory_users
  WHERE partner_id IS NOT NULL GROUP BY 1, 2, 3;

-- Rows leaving count -1 and rows arriving +1 in their partner's hour, so a change of partner (an
-- association starting or ending), of expiry or a delete all move the counts. Buckets are written
-- in key order, so two statements never take them in opposite orders.
CREATE FUNCTION partner_user_hours_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($sql$
    INSERT INTO partner_user_hours AS h (partner_id, kind, hour, users)
    SELECT partner_id, kind, hour, sum(sign) FROM (
      SELECT sign, partner_id, 'password_expiry' AS kind, date_trunc('hour', password_expires_at, 'UTC') AS hour
        FROM (%1$s) changes WHERE partner_id IS NOT NULL AND password_expires_at IS NOT NULL
      UNION ALL
      SELECT sign, partner_id, 'created', date_trunc('hour', created_at, 'UTC') FROM (%1$s) changes WHERE partner_id IS NOT NULL
    ) moved
    GROUP BY partner_id, kind, hour HAVING sum(sign) <> 0
    ORDER BY partner_id, kind, hour
    ON CONFLICT (partner_id, kind, hour) DO UPDATE SET users = h.users + excluded.users$sql$,
    org_stats_changes_source(TG_OP, 'partner_id, password_expires_at, created_at'));
  RETURN NULL;
END;
$$;
CREATE TRIGGER directory_users_hours_insert AFTER INSERT ON directory_users REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_user_hours_changed();
CREATE TRIGGER directory_users_hours_update AFTER UPDATE ON directory_users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_user_hours_changed();
CREATE TRIGGER directory_users_hours_delete AFTER DELETE ON directory_users REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_user_hours_changed();

CREATE OR REPLACE FUNCTION org_stats_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'directory_users' THEN
      UPDATE org_stats SET users_total = 0, users_active = 0, users_suspended = 0, users_staged = 0, users_mfa = 0, users_active_mfa = 0, users_locked = 0;
      DELETE FROM partner_user_hours;
    WHEN 'systems' THEN
      UPDATE org_stats SET systems_total = 0, systems_active = 0, systems_windows = 0, systems_macos = 0, systems_linux = 0, systems_other = 0;
    WHEN 'org_admins' THEN UPDATE org_stats SET admins = 0;
  END CASE;
  RETURN NULL;
END;
$$;

-- A search by whole OrgID finds the org's row without reading the others.
CREATE UNIQUE INDEX org_stats_public_id_key ON org_stats (public_id);
