// One contract per operation, declared once beside its handler: method, path, auth, request
// and response schemas, error codes, summary. The router (./api-app) serves it, the OpenAPI
// document (./openapi) is generated from it, and the API tests validate every response
// against it (test/support/api-server.ts).
import type { z } from 'zod';
import { IDEMPOTENCY_KEY_PATTERN } from '../core/idempotency';
import type { ApiRequest, MethodHandler } from './handler';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';
type Json = Record<string, unknown>;

/** route-specific error codes → when they happen (null = the general wording of the catalogue) */
export type Errors = Record<string, string | null>;

export interface Operation {
  method: HttpMethod;
  /** OpenAPI style: /api/items/{id} */
  path: string;
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  /** none: public (a stale or malformed token counts as none); required: logged in; cron: CRON_SECRET */
  auth: 'none' | 'required' | 'cron';
  query?: { schema: z.ZodType; describe: Record<string, string> };
  /** the `{id}` path parameter: what it names */
  pathId?: string;
  /** other path parameters (`{windowId}` …): name → what it names */
  pathParams?: Record<string, string>;
  /** a JSON body: its zod schema and its name in components.schemas */
  body?: { schema: z.ZodType; name: string; required: boolean };
  idempotent?: boolean;
  /** parameters beyond the path ids, the Idempotency-Key and the query (e.g. an optional header) */
  extraParameters?: Json[];
  ok: {
    status: number;
    description: string;
    /** a named contract schema (server/contract), or null for a binary answer */
    schema: z.ZodType | null;
    headers?: Record<string, Json>;
    contentType?: string;
    /** file downloads in several formats (the catalogue export) */
    files?: string[];
  };
  errors: Errors;
  /** a raw file body instead of JSON (the catalogue import) */
  upload?: { contentType: string; description: string };
  /** a larger request body than the server's default (file uploads) */
  maxBodyBytes?: number;
  handle: MethodHandler;
}

/** The optional Idempotency-Key header of an operation that takes one but does not need it. */
export function optionalKeyParameter(description: string): Json {
  return { name: 'Idempotency-Key', in: 'header', required: false, description, schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source } };
}

/** Declare an operation (identity: it exists so that the declaration is type-checked). */
export function operation(op: Operation): Operation {
  return op;
}

export type { ApiRequest };
