// Every answer the API tests receive is checked against the operation's declared contract:
// the success body against its zod schema (no field missing, none undeclared, every type
// right), an error body against the error shape and the operation's documented codes.
import { isDeepStrictEqual } from 'node:util';
import { errorBody } from '../../server/contract/errors';
import { allOf } from '../../server/http/api-app';
import type { Operation } from '../../server/http/operation';
import { buildOpenApi } from '../../server/http/openapi';
import { OPERATIONS } from '../../server/http/operations';

const operations = allOf(OPERATIONS);
let documentedCodes: Map<Operation, Set<string>> | undefined;

// answered by the router on any path, whatever the operation
const ROUTER_CODES = new Set(['METHOD_NOT_ALLOWED', 'NOT_FOUND']);

function codesOf(op: Operation): Set<string> {
  if (!documentedCodes) {
    const doc = buildOpenApi(operations);
    documentedCodes = new Map(operations.map((o) => [o, new Set((doc.paths[o.path]?.[o.method]?.['x-error-codes'] as string[] | undefined) ?? [])]));
  }
  return documentedCodes.get(op)!;
}

function operationOf(method: string, pathname: string): Operation | undefined {
  const parts = pathname.split('/');
  const candidates = operations.filter((op) => {
    if (op.method !== method.toLowerCase()) return false;
    const pattern = op.path.split('/');
    return pattern.length === parts.length && pattern.every((p, i) => p.startsWith('{') || p === parts[i]);
  });
  // a static segment beats a parameter (/api/bookings/check-in before /api/bookings/{id})
  const staticCount = (op: Operation) => op.path.split('/').filter((p) => !p.startsWith('{')).length;
  return candidates.sort((a, b) => staticCount(b) - staticCount(a))[0];
}

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

export function checkAgainstContract(method: string, path: string, status: number, headers: Headers, body: unknown): void {
  const pathname = new URL(path, 'http://x').pathname;
  if (!pathname.startsWith('/api/')) return;
  const op = operationOf(method, pathname);
  const where = `${method.toUpperCase()} ${pathname} → ${status}`;
  if (status >= 400) {
    const parsed = errorBody.safeParse(body);
    if (!parsed.success) throw new ContractViolation(`${where}: not the error shape: ${JSON.stringify(body).slice(0, 300)}`);
    const code = parsed.data.error.code;
    if (op && !ROUTER_CODES.has(code) && !codesOf(op).has(code)) {
      throw new ContractViolation(`${where}: error ${code} is not among the codes ${op.operationId} declares`);
    }
    return;
  }
  if (!op) throw new ContractViolation(`${where}: a success where no operation is declared`);
  if (status !== op.ok.status && status !== 304) throw new ContractViolation(`${where}: ${op.operationId} declares ${op.ok.status}`);
  if (status === 304 || !op.ok.schema) return;
  if (!/application\/json/.test(headers.get('content-type') ?? '')) throw new ContractViolation(`${where}: not JSON`);
  const parsed = op.ok.schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
    throw new ContractViolation(`${where}: the answer does not match ${op.operationId}'s schema: ${issues.join('; ')}`);
  }
  // zod drops undeclared fields: any difference is a field the contract does not name
  if (!isDeepStrictEqual(parsed.data, body)) {
    throw new ContractViolation(`${where}: the answer has fields ${op.operationId}'s schema does not declare: ${undeclared(parsed.data, body).slice(0, 5).join(', ')}`);
  }
}

function undeclared(declared: unknown, actual: unknown, at = ''): string[] {
  if (Array.isArray(actual) && Array.isArray(declared)) return actual.flatMap((v, i) => undeclared(declared[i], v, `${at}[${i}]`));
  if (actual && typeof actual === 'object' && declared && typeof declared === 'object') {
    return Object.keys(actual).flatMap((k) =>
      k in declared ? undeclared((declared as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${at}.${k}`) : [`${at}.${k}`],
    );
  }
  return [];
}
