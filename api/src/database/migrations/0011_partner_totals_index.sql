-- The home page's totals sum the figures of a partner's org_stats rows. Without an index holding
-- those figures, PostgreSQL read the whole heap of org_stats (every partner's rows, ~2,100 pages for
-- 20,000 orgs in the bench) on every request; this index lets it read the partner's entries alone.
CREATE INDEX org_stats_partner_totals_idx ON org_stats (partner_id)
  INCLUDE (users_total, users_active, users_suspended, users_staged, users_active_mfa, users_locked,
           systems_total, systems_active, systems_windows, systems_macos, systems_linux, systems_other, admins, mfa_permille)
  WHERE partner_id IS NOT NULL;
