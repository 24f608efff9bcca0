/** A running MongoDB-protocol server (own module, so the starters need not import local-mongo.ts). */
export interface StartedMongo {
  /** Connection string without a database name (the caller picks the database). */
  uri: string;
  /** Human description for logs and test output. */
  server: string;
  /** Servers started here: false while the server is not running (health answers 503 at once). */
  alive?: () => boolean;
  stop(): Promise<void>;
}

/** How a server started here is watched while the service runs. */
export interface LocalServerSupervision {
  /** Restarts allowed within ten minutes after the server dies (FerretDB; 0: none). */
  maxRestarts: number;
  onInfo(message: string): void;
  /** The server died: logged at error level. */
  onError(message: string): void;
  /** The server is gone for good; the service should stop (exit non-zero). */
  onGiveUp(reason: string): void;
}

