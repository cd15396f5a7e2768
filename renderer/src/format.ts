/** Dates and times in the clinician's locale. */
// One formatter for the page: building an Intl.DateTimeFormat costs far more than formatting with one, and a long
// chart's timeline formats hundreds of times.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatDateTime = (ms: number): string => dateTime.format(ms);

export const formatBytes = (n: number): string =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`;
