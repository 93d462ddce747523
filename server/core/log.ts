// The server's one logger (pino): one JSON line per event. Personal data never reaches a log:
// fields that carry it are redacted by name (pino's `redact`), and free text (error messages,
// stacks, WeChat's errmsg) has every ID number and mobile number masked.
import pino from 'pino';
import { maskPersonalData } from '../privacy/mask';

/** Field names that carry personal data or secrets, wherever they appear in a logged object. */
export const REDACTED_FIELDS = [
  'phone', 'phoneNumber', 'purePhoneNumber', 'mobile', 'idNumber', 'id_number', 'token', 'accessToken', 'access_token',
  'password', 'newPassword', 'currentPassword', 'session_key', 'sessionKey', 'secret', 'authorization', 'cookie',
];

const paths = REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);

function level(): pino.LevelWithSilent {
  const wanted = process.env.LOG_LEVEL;
  if (wanted && ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(wanted)) return wanted as pino.LevelWithSilent;
  // the test runner's output stays readable: errors only
  return process.env.JEST_WORKER_ID ? 'error' : 'info';
}

// Lines go through the console (stderr for warnings and errors), so a test that captures the
// console sees exactly what an operator would.
const destination = {
  write(line: string): void {
    const text = line.endsWith('\n') ? line.slice(0, -1) : line;
    if (/"level":"(error|fatal|warn)"/.test(text)) console.error(text);
    else console.log(text);
  },
};

export const logger = pino({
  level: level(),
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths, censor: '[redacted]' },
  formatters: { level: (label) => ({ level: label }) },
  hooks: {
    // free text is masked after formatting, so a number in a message or a stack is never written
    logMethod(args, method) {
      method.apply(this, args.map((a) => (typeof a === 'string' ? maskPersonalData(a) : a)) as Parameters<typeof method>);
    },
  },
}, destination);

function describe(error: unknown): { name: string; message: string; stack?: string } | string {
  if (error instanceof Error) return { name: error.name, message: maskPersonalData(error.message), stack: maskPersonalData(error.stack ?? '') };
  return maskPersonalData(String(error));
}

export function logError(context: string, error: unknown): void {
  logger.error({ context: maskPersonalData(context), err: describe(error) }, maskPersonalData(context));
}

export function logInfo(message: string, fields: Record<string, unknown> = {}): void {
  logger.info(fields, message);
}
