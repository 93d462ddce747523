// The server's one logger: one line per event, personal data masked.
import { maskPersonalData } from '../privacy/mask';

export function logError(context: string, error: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  console.error(`[${new Date().toISOString()}] ${context} ${maskPersonalData(detail)}`);
}

export function logInfo(message: string): void {
  console.log(maskPersonalData(message));
}
