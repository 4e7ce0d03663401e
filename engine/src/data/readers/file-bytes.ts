import { Buffer } from "node:buffer";
import { open, readFile } from "node:fs/promises";

/**
 * Reads data files into one buffer reused from file to file. Memory touched for the first time costs far more
 * than reading into it again (on the benchmark machine 3.4 ms a megabyte, against 0.05 ms to write it once
 * faulted in), so a folder of yearly 25 MB files pays for the largest only. A file's bytes are valid until the
 * next read: a reader that keeps anything of them copies it (see CsvChars.release).
 */
export class FileBytes {
  private buffer = Buffer.alloc(0);

  async read(file: string): Promise<Uint8Array> {
    const handle = await open(file, "r");
    try {
      const { size } = await handle.stat();
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(size);
      let done = 0;
      while (done < size) {
        const { bytesRead } = await handle.read(this.buffer, done, size - done, done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      // A file that changed while it was read (larger than it was): read it whole, as it is now.
      const { bytesRead } = await handle.read(Buffer.alloc(1), 0, 1, done);
      if (done < size || bytesRead > 0) return await readFile(file);
      return this.buffer.subarray(0, done);
    } finally {
      await handle.close();
    }
  }
}
