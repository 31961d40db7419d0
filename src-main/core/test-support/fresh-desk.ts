/**
 * Test support: a fresh desk file in its own temporary folder for each test, opened by a
 * real DeskService, then closed and removed after the test. Tests that work through the
 * service share this setup instead of each writing it again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { DeskService } from '../service';
import type { Handlers } from '../../shared/contract';

export interface FreshDesk {
  dir: string;
  service: DeskService;
  h: Handlers;
}

/** Registers the per-test desk; `take` receives each test's desk before the test runs. */
export function useFreshDesk(prefix: string, take: (desk: FreshDesk) => void): void {
  let current: FreshDesk | null = null;
  beforeEach(() => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    const service = new DeskService({ defaultActor: 'tester' });
    service.open(join(dir, 'desk.claimdesk'), true);
    current = { dir, service, h: service.handlers() };
    take(current);
  });
  afterEach(() => {
    current?.service.close();
    if (current) rmSync(current.dir, { recursive: true, force: true });
    current = null;
  });
}
