/**
 * The ordered migration chain. Index i holds the migration to version i + 1.
 */
import { sql as m001 } from './001-initial';

export const MIGRATIONS: readonly string[] = [m001];
export const SCHEMA_VERSION = MIGRATIONS.length;
