// Starts the match worker from the TypeScript sources (CLI, browser mode, tests): the
// worker gets its own module loader, so tsx is registered here before the import.
import { register } from 'tsx/esm/api';

register();
await import('./match-worker.ts');
