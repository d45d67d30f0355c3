/** A progress bar on a terminal's stderr; silent when stderr is not a terminal (CI, pipes). */
export function progress(label: string, total: number): { tick(done: number): void; end(): void } {
  const tty = process.stderr.isTTY;
  let last = -1;
  const draw = (done: number) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
  };
  return {
    tick(done) {
      const pct = Math.floor((done / total) * 100);
      if (tty && pct !== last) {
        last = pct;
        draw(done);
      }
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}
