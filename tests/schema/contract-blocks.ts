// contract-next.graphql comes in blocks, each headed by a `# ===...` line naming its topic;
// the drift test checks only the blocks already built (the file's own rule).
export function contractBlocks(sdl: string): { title: string; text: string }[] {
  const lines = sdl.split('\n');
  const starts = lines.flatMap((l, i) => (l.startsWith('# =====') ? [i] : []));
  return starts.map((start, n) => {
    const text = lines.slice(start, starts[n + 1] ?? lines.length).join('\n').replace(/\n+$/, '\n');
    return { title: lines[start].replace(/^#\s*=+\s*/, '').trim(), text };
  });
}
