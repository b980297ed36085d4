import type { ImportCounts } from './publication-import.ts';

/** Where `valo import` writes its progress, and the clock it reads. */
export interface ProgressOutput {
  stderr(text: string): void;
  isTTY: boolean;
  now(): number;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en');
}

/**
 * The progress of `valo import` on standard error: a bar (files done, and the bytes read of the current
 * file when its size is known), the records read and the records per second. A terminal redraws it in
 * place at most ten times a second; a log gets a line every five seconds.
 */
export class ProgressLine {
  private file = 0;
  private size: number | null = null;
  private bytes = 0;
  private counts: ImportCounts | null = null;
  private drawnAt = Number.NEGATIVE_INFINITY;
  private readonly startedAt: number;
  private isShown = false;

  constructor(
    private readonly io: ProgressOutput,
    private readonly files: number,
  ) {
    this.startedAt = io.now();
  }

  startFile(index: number, size: number | null): void {
    this.file = index;
    this.size = size;
    this.bytes = 0;
  }

  addBytes(length: number): void {
    this.bytes += length;
  }

  update(counts: ImportCounts): void {
    this.counts = counts;
    const now = this.io.now();
    if (now - this.drawnAt < (this.io.isTTY ? 100 : 5000)) return;
    this.drawnAt = now;
    if (this.io.isTTY) {
      this.io.stderr(`\r\x1b[K${this.text(now)}`);
      this.isShown = true;
    } else {
      this.io.stderr(`${this.text(now)}\n`);
    }
  }

  /** A line of its own (a bad record), the bar redrawn under it. */
  print(text: string): void {
    this.clear();
    this.io.stderr(text);
    if (this.counts && this.io.isTTY) {
      this.io.stderr(this.text(this.io.now()));
      this.isShown = true;
    }
  }

  clear(): void {
    if (this.isShown) this.io.stderr('\r\x1b[K');
    this.isShown = false;
  }

  private text(now: number): string {
    const within = this.size ? Math.min(1, this.bytes / this.size) : 0;
    const fraction = Math.min(1, (this.file + within) / this.files);
    const width = 24;
    const filled = Math.round(fraction * width);
    const read = this.counts?.read ?? 0;
    const seconds = Math.max(0.001, (now - this.startedAt) / 1000);
    return (
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ` +
      `file ${this.file + 1}/${this.files}  ${formatCount(read)} records  ${formatCount(Math.round(read / seconds))} records/s` +
      (this.counts && this.counts.failed > 0 ? `  ${formatCount(this.counts.failed)} failed` : '')
    );
  }
}

