/** Stable error codes: scripts and dashboards match on these, never on messages. */
export type DgErrorCode =
  | 'DG_CONFIG_INVALID'
  | 'DG_BAD_REQUEST'
  | 'DG_INVALID_JSON'
  | 'DG_UNAUTHORIZED'
  | 'DG_PAYLOAD_TOO_LARGE'
  | 'DG_NOT_FOUND'
  | 'DG_METHOD_NOT_ALLOWED'
  | 'DG_UPSTREAM_UNAVAILABLE'
  | 'DG_UPSTREAM_TIMEOUT'
  | 'DG_REQUEST_BLOCKED'
  | 'DG_SHUTTING_DOWN'
  | 'DG_STORE_FAILED'
  | 'DG_INTERNAL';

/**
 * The one error base. Request errors carry an HTTP status; the gateway's edge is the only place
 * that turns them into a response body, in the wire format of the API that was called.
 */
export class DgError extends Error {
  constructor(
    readonly code: DgErrorCode,
    readonly status: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Raised at start-up for a bad configuration; the process refuses to boot. */
export class ConfigInvalidError extends DgError {
  constructor(where: string, problem: string) {
    super('DG_CONFIG_INVALID', 500, `invalid configuration at ${where}: ${problem}`);
  }
}
