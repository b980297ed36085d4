export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const levels = { silent: 0, error: 1, info: 2, debug: 3 } as const;

/** Logs one JSON line per event to stderr. */
export function createLogger(level: keyof typeof levels): Logger {
  const write = (at: keyof typeof levels, message: string, fields?: Record<string, unknown>) => {
    if (levels[at] > levels[level]) return;
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields })}\n`);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
