/** A calendar date as the API takes it (YYYY-MM-DD), read in the person's own time zone. */
export function isoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The first date the API accepts: it counts "today" in UTC. West of UTC, late in the day, the local
 * date is still the day before, which the API would refuse as past: the later of the two is offered.
 */
export function earliestDate(now = new Date()): Date {
  const local = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const utc = new Date(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return utc > local ? utc : local;
}

/**
 * A date field's own rules, in words; the API's words come first (see fieldMessage). Text that is no
 * date leaves the value empty too: saying it is no date comes before asking for one.
 */
export const DATE_RULES = {
  matDatepickerParse: 'Enter a date, such as 12/31/2026, or choose one from the calendar.',
  matDatepickerMin: 'Choose today or a later date.',
  required: 'Choose a date.',
};
