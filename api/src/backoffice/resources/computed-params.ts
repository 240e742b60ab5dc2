import type { ActionResponse, After, RecordJSON } from 'adminjs';

/**
 * Adds values that are not columns (an invitation's status, an admin's email) to the records an
 * action returns, whether a page of them (list) or one (show, or a custom action's result).
 * Such values are shown only: they are never written back, since every edit is off.
 */
export function withComputedParams(compute: (records: RecordJSON[]) => Promise<void> | void): After<ActionResponse> {
  return async (response) => {
    const records = [...((response.records as RecordJSON[] | undefined) ?? []), ...(response.record ? [response.record as RecordJSON] : [])];
    const real = records.filter((record) => record.id);
    if (real.length > 0) await compute(real);
    return response;
  };
}

/** Param values as AdminJS hands them over: dates may arrive as Date objects or as ISO strings. */
export function dateParam(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && value.length > 0) return new Date(value);
  return null;
}
