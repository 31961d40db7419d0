#!/usr/bin/env node
// The claimdesk command. The sources are TypeScript, loaded through tsx so the
// CLI runs straight from a clone after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src-main/cli/main.ts');
await main();
