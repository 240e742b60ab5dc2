-- Launch sessions: a partner admin's time-limited management session inside one org of the
-- partner's portfolio, without being one of that org's own admins. The row is the session's one
-- truth: its org-console token names it, and every request in the session reads it.

CREATE TABLE launch_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  administrator_id uuid NOT NULL REFERENCES administrators (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  -- The portal sign-in it was launched from: signing out there ends it too.
  auth_session_id uuid NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
  -- The admin's partner role at launch; a later change of role ends the session.
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'helpdesk')),
  reason text CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
  ticket text CHECK (length(btrim(ticket)) BETWEEN 1 AND 100),
  started_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  -- Set when the session ends before it expires: ended by a person, or revoked (see below).
  ended_at timestamptz,
  ended_reason text CHECK (ended_reason IN (
    'ended_by_admin', 'ended_by_partner_admin', 'admin_removed', 'admin_suspended', 'admin_disabled',
    'role_changed', 'org_access_removed', 'partner_suspended', 'org_detached', 'signed_out')),
  ended_by uuid,
  ip text,
  user_agent text,
  CONSTRAINT launch_sessions_expires_after_start CHECK (expires_at > started_at),
  CONSTRAINT launch_sessions_ended_why CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
);
-- The lists: a partner's, one admin's, and an org's (its "Partner access"), newest first.
CREATE INDEX launch_sessions_partner_idx ON launch_sessions (partner_id, started_at DESC, id DESC);
CREATE INDEX launch_sessions_admin_idx ON launch_sessions (administrator_id, started_at DESC, id DESC);
CREATE INDEX launch_sessions_org_idx ON launch_sessions (org_id, started_at DESC, id DESC);
-- What a revocation looks for: the sessions not yet ended.
CREATE INDEX launch_sessions_open_partner_idx ON launch_sessions (partner_id, administrator_id) WHERE ended_at IS NULL;
CREATE INDEX launch_sessions_open_org_idx ON launch_sessions (org_id) WHERE ended_at IS NULL;
CREATE INDEX launch_sessions_open_auth_idx ON launch_sessions (auth_session_id) WHERE ended_at IS NULL;

-- Why a session may no longer go on, or null while everything it was launched with still holds:
-- the partner active, the administrator enabled, still an active admin of that partner with the same
-- role, the org still in the partner's portfolio and in the admin's org access, the sign-in not ended.
CREATE FUNCTION launch_session_blocker(s launch_sessions) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN p.status IS DISTINCT FROM 'active' THEN 'partner_suspended'
    WHEN a.status IS DISTINCT FROM 'active' THEN 'admin_disabled'
    WHEN m.administrator_id IS NULL THEN 'admin_removed'
    WHEN m.status <> 'active' THEN 'admin_suspended'
    WHEN m.role <> s.role THEN 'role_changed'
    WHEN NOT EXISTS (SELECT 1 FROM partner_associations pa
                     WHERE pa.partner_id = s.partner_id AND pa.org_id = s.org_id AND pa.status = 'active') THEN 'org_detached'
    WHEN m.org_access = 'selected' AND NOT EXISTS (SELECT 1 FROM partner_admin_orgs o
                     WHERE o.partner_id = s.partner_id AND o.administrator_id = s.administrator_id AND o.org_id = s.org_id) THEN 'org_access_removed'
    WHEN au.revoked_at IS NOT NULL THEN 'signed_out'
  END
  FROM (SELECT 1) AS one
  LEFT JOIN partners p ON p.id = s.partner_id
  LEFT JOIN administrators a ON a.id = s.administrator_id
  LEFT JOIN partner_admins m ON m.partner_id = s.partner_id AND m.administrator_id = s.administrator_id
  LEFT JOIN auth_sessions au ON au.id = s.auth_session_id
$$;

-- Ends the open sessions matching the filter (null = any) that may no longer go on, with the reason.
CREATE FUNCTION launch_sessions_revoke(p_partner uuid, p_admin uuid, p_org uuid, p_auth_session uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE launch_sessions s SET ended_at = now(), ended_reason = blocked.reason
  FROM (SELECT l.id, launch_session_blocker(l) AS reason FROM launch_sessions l
        WHERE l.ended_at IS NULL
          AND (p_partner IS NULL OR l.partner_id = p_partner)
          AND (p_admin IS NULL OR l.administrator_id = p_admin)
          AND (p_org IS NULL OR l.org_id = p_org)
          AND (p_auth_session IS NULL OR l.auth_session_id = p_auth_session)
        FOR UPDATE) AS blocked
  WHERE s.id = blocked.id AND blocked.reason IS NOT NULL
$$;

-- Revocation is written by the change that causes it, whichever module, the back-office or a bulk
-- load makes it, so the next request in the session is refused on every API instance with one
-- primary-key read. The triggers run at commit (deferred): a transaction that replaces an admin's
-- org list, or changes their access kind and then their orgs, is judged on its final state.
CREATE FUNCTION launch_sessions_revoke_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'partners' THEN PERFORM launch_sessions_revoke(OLD.id, NULL, NULL, NULL);
    WHEN 'administrators' THEN PERFORM launch_sessions_revoke(NULL, OLD.id, NULL, NULL);
    WHEN 'partner_admins' THEN PERFORM launch_sessions_revoke(OLD.partner_id, OLD.administrator_id, NULL, NULL);
    WHEN 'partner_admin_orgs' THEN PERFORM launch_sessions_revoke(OLD.partner_id, OLD.administrator_id, OLD.org_id, NULL);
    WHEN 'partner_associations' THEN PERFORM launch_sessions_revoke(OLD.partner_id, NULL, OLD.org_id, NULL);
    WHEN 'auth_sessions' THEN PERFORM launch_sessions_revoke(NULL, OLD.administrator_id, NULL, OLD.id);
  END CASE;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER launch_sessions_partner_status AFTER UPDATE OF status ON partners
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION launch_sessions_revoke_on_change();
CREATE CONSTRAINT TRIGGER launch_sessions_administrator_status AFTER UPDATE OF status ON administrators
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION launch_sessions_revoke_on_change();
CREATE CONSTRAINT TRIGGER launch_sessions_membership AFTER UPDATE OR DELETE ON partner_admins
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION launch_sessions_revoke_on_change();
CREATE CONSTRAINT TRIGGER launch_sessions_org_access AFTER DELETE ON partner_admin_orgs
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION launch_sessions_revoke_on_change();
CREATE CONSTRAINT TRIGGER launch_sessions_association AFTER UPDATE OF status ON partner_associations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION launch_sessions_revoke_on_change();
CREATE CONSTRAINT TRIGGER launch_sessions_sign_out AFTER UPDATE OF revoked_at ON auth_sessions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
  EXECUTE FUNCTION launch_sessions_revoke_on_change();
