/** A running MongoDB-protocol server (own module, so the starters need not import local-mongo.ts). */
export interface StartedMongo {
  /** Connection string without a database name (the caller picks the database). */
  uri: string;
  /** Human description for logs and test output. */
  server: string;
  stop(): Promise<void>;
}
