/**
 * A plain-text progress bar on stderr (stdout stays clean for scripts): redrawn in place on a terminal,
 * one line per 10% otherwise (CI logs).
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1;
  return (done: number, total: number): void => {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const width = 30;
    const filled = Math.round(ratio * width);
    const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(ratio * 100)}% ${done}/${total}`;
    if (stream.isTTY) {
      stream.write(`\r${line}`);
      if (ratio === 1) stream.write('\n');
    } else if (Math.floor(ratio * 10) !== lastTenth) {
      lastTenth = Math.floor(ratio * 10);
      stream.write(`${line}\n`);
    }
  };
}
