/** Every table, in one place, for the database client and migrations. */
export * from '../modules/organisation/organisation.table.ts';
export * from '../modules/person/person.table.ts';
export * from '../modules/invention/invention.table.ts';
export * from '../modules/asset/asset.table.ts';
export * from '../modules/agreement/agreement.table.ts';
export * from '../modules/startup/startup.table.ts';
export * from '../modules/auth/auth.table.ts';
export * from '../modules/docket/docket.table.ts';
export * from '../modules/publication/publication.table.ts';
