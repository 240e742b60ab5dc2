/** Body of `/api/health/live` and `/api/health/ready` when the answer is yes. */
export interface HealthStatus {
  status: 'ok';
  /** Each dependency checked and how long it took to answer. */
  checks: Record<string, { status: 'up'; latencyMs: number }>;
  version: string;
}
