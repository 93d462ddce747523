import type { ErrorBody as ApiErrorBody } from '@contract/errors';

export const NETWORK_ERROR_CODE = 'NETWORK';
export const NETWORK_ERROR_MESSAGE = '网络不给力，请检查网络后重试';
const SERVER_ERROR_MESSAGE = '服务暂时不可用，请稍后再试';
const BAD_RESPONSE_MESSAGE = '服务返回的数据有误，请稍后再试';

/** A failed API call: a stable code for the program, a plain Chinese message for the person. */
export class ApiError extends Error {
  readonly code: string;
  /** HTTP status, or null when the request never got an answer */
  readonly status: number | null;
  readonly fields: Readonly<Record<string, string>> | undefined;

  constructor(
    code: string,
    message: string,
    status: number | null = null,
    fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.fields = fields;
  }
}

export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error: unknown = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

export function networkError(): ApiError {
  return new ApiError(NETWORK_ERROR_CODE, NETWORK_ERROR_MESSAGE);
}

/** The error for a non-2xx answer: the server's own code and message when it sent them. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  if (isApiErrorBody(body)) {
    const { code, message, fields } = body.error;
    return new ApiError(code, message.trim() || SERVER_ERROR_MESSAGE, status, fields);
  }
  return new ApiError(`HTTP_${status}`, SERVER_ERROR_MESSAGE, status);
}

/** A 2xx answer whose body is not the JSON we asked for (e.g. a captive-portal page). */
export function badResponseError(status: number): ApiError {
  return new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, status);
}

/** Anything thrown while loading, as an ApiError (unknown throws read as network trouble). */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : networkError();
}
