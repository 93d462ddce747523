// One SMS provider behind one interface, so the dispatcher does not know whose API it calls.
import type { SendOutcome } from '../send-outcome';

export interface SmsMessage {
  /** E.164, e.g. +8613812345678 */
  phone: string;
  /** the provider's template id (approved in its console) */
  templateId: string;
  /** the template's parameters, in order */
  params: string[];
  /** our idempotent send key; travels as the provider's session context (Tencent: SessionContext) */
  sendKey: string;
}

export interface SmsProvider {
  /** e.g. 'tencent' */
  readonly name: string;
  /** one message to one number; never throws for the provider's answer or a failed connection */
  send(msg: SmsMessage): Promise<SendOutcome>;
}
