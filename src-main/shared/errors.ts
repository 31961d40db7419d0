/**
 * Errors the core reports to people. `code` is stable for programs; `message`
 * names what was wrong in words an editor understands.
 */
export type ErrorCode =
  | 'not_a_desk'
  | 'desk_too_new'
  | 'desk_corrupt'
  | 'not_found'
  | 'no_desk'
  | 'invalid_input'
  | 'unknown_method'
  | 'unauthorized'
  | 'bad_file'
  | 'too_large'
  | 'duplicate'
  | 'conflict'
  | 'offline'
  | 'cancelled'
  | 'too_slow'
  | 'unavailable'
  | 'read_only'
  | 'internal';

export class DeskError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
  }
}
