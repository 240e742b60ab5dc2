-- The audit trail: one row per action of a partner admin, org admin, staff user or integrator,
-- written in the same transaction as the change it records. Rows are never changed or removed.
CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_type text NOT NULL CHECK (actor_type IN ('anonymous', 'administrator', 'staff', 'api_key', 'system')),
  actor_id uuid,
  actor_label text,
  partner_id uuid,
  org_id uuid,
  session_id uuid,
  action text NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  target_type text,
  target_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  ip text,
  user_agent text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_type, actor_id, id);
CREATE INDEX audit_events_partner_idx ON audit_events (partner_id, id) WHERE partner_id IS NOT NULL;
CREATE INDEX audit_events_org_idx ON audit_events (org_id, id) WHERE org_id IS NOT NULL;

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
