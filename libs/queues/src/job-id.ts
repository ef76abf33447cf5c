/**
 * Builds a BullMQ custom job id. BullMQ rejects ids containing ':' and ids that look like integers, so
 * every id is `<kind>-<part>-<part>`, with ':' replaced. The same inputs always give the same id, which
 * is what makes adding a job twice harmless.
 */
export function buildJobId(kind: string, ...parts: Array<string | number>): string {
  if (!/^[a-z][a-z0-9_]*$/.test(kind)) throw new Error(`job kind must be lower_snake_case, got ${kind}`);
  if (parts.length === 0) throw new Error('a job id needs at least one part');
  const cleaned = parts.map((part) => {
    const text = String(part);
    if (text === '') throw new Error('job id parts must not be empty');
    return text.replace(/:/g, '_');
  });
  return [kind, ...cleaned].join('-');
}
