// A start-up failure an operator can act on: the message names the variable or path and what
// to do. main.ts logs it as one JSON line and exits non-zero.
export class StartupError extends Error {
  constructor(
    message: string,
    /** The configuration variable to look at, logged as its own field. */
    public readonly variable?: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}
