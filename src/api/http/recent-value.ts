// A value read at most once per `maxAgeMs`, one read at a time; while a refresh runs callers
// get the previous value. /health uses it for the outbox counts, so under load it does not
// queue two more database reads behind the requests' own.
export function recentValue<T>(read: () => Promise<T>, maxAgeMs: number, now: () => number = Date.now): () => Promise<T> {
  let value: { v: T; at: number } | null = null;
  let refreshing: Promise<T> | null = null;
  const refresh = (): Promise<T> => {
    refreshing ??= read()
      .then((v) => {
        value = { v, at: now() };
        return v;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  };
  return async () => {
    if (value && now() - value.at < maxAgeMs) return value.v;
    const pending = refresh();
    return value ? value.v : pending;
  };
}
