/**
 * The core service: implements every method of the contract on the open desk. The
 * class and its state are in service/desk-service.ts; each feature is a file of its own
 * under service/ (import, detection, review, claims, grouping, articles, history, settings).
 */
export { DeskService } from './service/desk-service';
export type { Emit, ServiceOptions } from './service/common';
export { reasonOf, yieldToLoop } from './service/common';
export { DEFAULT_SAMPLES_DIR, IMPORTABLE, expandPaths, type ImportOptions } from './service/import';
