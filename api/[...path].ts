// Any /api path no other file matches: a JSON 404, the same on Vercel and locally.
import type { VercelRequest, VercelResponse } from '@vercel/node';
import { apiError } from '../server/core/errors';
import { sendError } from '../server/http/handler';

export default function notFound(req: VercelRequest, res: VercelResponse): void {
  sendError(res, apiError('NOT_FOUND'), `${req.method} ${req.url}`);
}
