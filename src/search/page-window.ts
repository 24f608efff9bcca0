// Offsets and limits are validated by the services; engines clamp them once more so a bad one
// can never blow up a heap or a search request.
export function pageWindow(offset: number, limit: number): { offset: number; limit: number } {
  return {
    offset: Number.isFinite(offset) && offset > 0 ? Math.floor(offset) : 0,
    limit: Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : 0,
  };
}
