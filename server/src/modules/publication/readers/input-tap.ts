import { declaredEncoding } from './xml-text-decoder.ts';

/**
 * Passes an input through while keeping the chunks read, so that once the format is known from the
 * file's beginning, a reader of bytes (DOCDB) can start again from the first byte instead of reading
 * decoded text. Keeping stops at `release`, which every path calls once the format is known.
 */
export class InputTap implements AsyncIterable<Uint8Array | string> {
  private kept: (Uint8Array | string)[] = [];
  private isKeeping = true;
  private isReplayed = false;
  private readonly source: AsyncIterator<Uint8Array | string>;

  constructor(input: AsyncIterable<Uint8Array | string>) {
    this.source = input[Symbol.asyncIterator]();
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array | string> {
    return {
      next: async () => {
        const next = await this.source.next();
        if (!next.done && this.isKeeping) this.kept.push(next.value);
        return next;
      },
      return: async () => {
        // Once replayed, the source belongs to the replay, which closes it.
        if (!this.isReplayed) await this.source.return?.(undefined);
        return { done: true, value: undefined };
      },
    };
  }

  /** Stops keeping chunks: the text read so far goes on through the decoder. */
  release(): void {
    this.isKeeping = false;
    this.kept = [];
  }

  /**
   * The input again from its first byte, when it is bytes in UTF-8 (the encoding the byte reader
   * reads); null when it is text or declares another encoding. The text reading must be dropped.
   */
  utf8Bytes(): AsyncIterable<Uint8Array> | null {
    const kept = this.kept;
    this.release();
    if (kept.some((chunk) => typeof chunk === 'string')) return null;
    const bytes = kept as Uint8Array[];
    if (declaredEncoding(Buffer.concat(bytes)) !== 'utf-8') return null;
    this.isReplayed = true;
    return this.replay(bytes);
  }

  private async *replay(kept: Uint8Array[]): AsyncGenerator<Uint8Array> {
    try {
      yield* kept;
      for (let next = await this.source.next(); !next.done; next = await this.source.next()) {
        if (typeof next.value === 'string') throw new Error('the input mixes bytes and text');
        yield next.value;
      }
    } finally {
      await this.source.return?.(undefined);
    }
  }
}
