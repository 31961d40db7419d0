/**
 * The ordered migration chain. Index i holds the migration to version i + 1.
 */
import { sql as m001 } from './001-initial';
import { sql as m002 } from './002-conflict-values';
import { sql as m003 } from './003-drafts';
import { sql as m004 } from './004-evidence-items';
import { sql as m005 } from './005-article-versions';
import { sql as m006 } from './006-conflict-severity';
import { sql as m007 } from './007-correct-value';

export const MIGRATIONS: readonly string[] = [m001, m002, m003, m004, m005, m006, m007];
export const SCHEMA_VERSION = MIGRATIONS.length;
