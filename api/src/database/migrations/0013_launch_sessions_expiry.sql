-- Expiry is never written onto a launch session (the row's expires_at says it), so an expired
-- session keeps ended_at null. A revocation must not rewrite a partner's or an admin's whole history
-- of expired sessions: it now ends only those still running, found through indexes that carry the
-- expiry, so that it reads just the live ones.

DROP INDEX launch_sessions_open_partner_idx;
DROP INDEX launch_sessions_open_org_idx;
DROP INDEX launch_sessions_open_auth_idx;
CREATE INDEX launch_sessions_open_partner_idx ON launch_sessions (partner_id, expires_at) WHERE ended_at IS NULL;
CREATE INDEX launch_sessions_open_admin_idx ON launch_sessions (administrator_id, expires_at) WHERE ended_at IS NULL;
CREATE INDEX launch_sessions_open_org_idx ON launch_sessions (org_id, expires_at) WHERE ended_at IS NULL;
CREATE INDEX launch_sessions_open_auth_idx ON launch_sessions (auth_session_id, expires_at) WHERE ended_at IS NULL;

CREATE OR REPLACE FUNCTION launch_sessions_revoke(p_partner uuid, p_admin uuid, p_org uuid, p_auth_session uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE launch_sessions s SET ended_at = now(), ended_reason = blocked.reason
  FROM (SELECT l.id, launch_session_blocker(l) AS reason FROM launch_sessions l
        WHERE l.ended_at IS NULL
          AND l.expires_at > now()
          AND (p_partner IS NULL OR l.partner_id = p_partner)
          AND (p_admin IS NULL OR l.administrator_id = p_admin)
          AND (p_org IS NULL OR l.org_id = p_org)
          AND (p_auth_session IS NULL OR l.auth_session_id = p_auth_session)
        FOR UPDATE) AS blocked
  WHERE s.id = blocked.id AND blocked.reason IS NOT NULL
$$;
