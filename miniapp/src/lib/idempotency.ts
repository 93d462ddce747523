// Idempotency-Key per user action: made when the person taps, sent again unchanged when that
// same action is retried (after a timeout the first try may have worked: the server then answers
// it again instead of booking twice). Another request (another slot, another booking) gets a new key.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** "bm-lq3x9k2a-Q7fT0cX2pLk9Zr1B": 8–100 characters of A–Z a–z 0–9 _ - as the API asks. */
export function newIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 16; i += 1) tail += ALPHABET.charAt(Math.floor(random() * ALPHABET.length) % ALPHABET.length);
  return `bm-${now.toString(36)}-${tail}`;
}

/** Keys of one kind of action on one screen (e.g. "确认预约"). */
export class ActionKeys {
  private current: { key: string; request: string } | null = null;

  constructor(private readonly makeKey: () => string = () => newIdempotencyKey()) {}

  /**
   * The key for this request. `request` says what is being sent (e.g. the JSON body and path):
   * the same request keeps its key until `finished()`, a different one gets a new key.
   */
  keyFor(request: string): string {
    if (this.current === null || this.current.request !== request) {
      this.current = { key: this.makeKey(), request };
    }
    return this.current.key;
  }

  /** The action succeeded: the next tap is a new action. */
  finished(): void {
    this.current = null;
  }
}
