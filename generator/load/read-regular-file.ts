// Spec files are read only when they are regular files: a $ref or --spec naming a FIFO blocks
// forever on open, and /dev/zero or /dev/urandom never end.
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";

/** Read `file` as UTF-8; throws an error with code "ENOTREG" (and reads nothing) unless it is a regular file. */
export function readRegularFile(file: string): string {
  // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      const kind = stats.isFIFO()
        ? "a named pipe"
        : stats.isDirectory()
          ? "a folder"
          : stats.isSocket()
            ? "a socket"
            : "a device";
      throw Object.assign(new Error(`${file} is ${kind}, not a regular file`), {
        code: "ENOTREG",
        kind,
      });
    }
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}
