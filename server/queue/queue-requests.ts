// What a client may send to the workbench endpoints (zod): plain per-field messages; the
// database checks permissions and states again.
import { z } from 'zod';
import { calendarDate as date, id as uuid } from '../core/request-fields';

/** GET /api/staff/day?date= (default: today) */
export const staffDayQuery = z.object({ date: date.optional() });

/** GET /api/queue?window= */
export const queueQuery = z.object({ window: uuid.optional() });

/** 叫下一位: at my window; finishCurrent = the person being served is done (办完了，叫下一位) */
export const callNextBody = z.object({ windowId: uuid, finishCurrent: z.boolean().optional() }).strict();

/** 撤销 my latest action at this window */
export const queueUndoBody = z.object({ windowId: uuid }).strict();

/** 现场取号 */
export const walkInBody = z.object({ itemId: uuid.optional().describe('the item the resident came for (optional)') }).strict();
