// Before the tests: better-sqlite3 must be the Node build. If something rebuilt it
// in place for Electron, put the Node build back rather than fail every test.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (err) {
  console.log(
    `better-sqlite3 does not load under Node (${err.message.split('\n')[0]}); rebuilding it for Node…`,
  );
  const r = spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
