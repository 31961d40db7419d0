/**
 * Two test projects: the core under plain Node (real SQLite files), and the
 * renderer's components under jsdom, resolved with the browser conditions Svelte needs.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const svelteConfig = resolve(import.meta.dirname, 'svelte.config.js');

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['src-main/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          // Projects do not inherit the root's test options: each states its own.
          testTimeout: 60_000,
        },
      },
      {
        plugins: [svelte({ configFile: svelteConfig })],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          include: ['src-renderer/**/*.test.ts'],
          environment: 'jsdom',
          testTimeout: 60_000,
        },
      },
    ],
  },
});
