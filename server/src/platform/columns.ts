import { customType } from 'drizzle-orm/pg-core';

/**
 * A `timestamp with time zone` read back as an ISO 8601 string in UTC with milliseconds, whichever
 * driver answers (node-postgres gives a Date or text, PGlite text such as `2026-03-02 09:00:00+00`), so
 * the API and backups give the same bytes on both databases.
 */
export const isoTimestamp = customType<{ data: string; driverData: string | Date }>({
  dataType: () => 'timestamp with time zone',
  fromDriver: (value) => new Date(value).toISOString(),
  toDriver: (value) => value,
});
