// The OpenAPI document covers every operation the router serves with its methods, names only
// error codes of the catalogue, and looks like OpenAPI 3.1; api/ holds the one Vercel entry.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import packageJson from '../../package.json';
import { apiError, isKnownErrorCode } from '../core/errors';
import { allOf } from './api-app';
import { type ApiRequest, idempotencyKey } from './handler';
import { buildOpenApi } from './openapi';
import { OPERATIONS } from './operations';

const API_DIR = path.resolve(__dirname, '../../api');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every value under `key` anywhere in the document, with where it was found. */
function collect(node: unknown, visit: (value: Record<string, unknown>, where: string) => void, where = '#'): void {
  if (Array.isArray(node)) node.forEach((v, i) => collect(v, visit, `${where}/${i}`));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>, where);
    for (const [k, v] of Object.entries(node)) collect(v, visit, `${where}/${k}`);
  }
}

const doc = buildOpenApi(allOf(OPERATIONS));
/** every path the router serves, with its methods */
const served = new Map<string, string[]>();
for (const op of allOf(OPERATIONS)) served.set(op.path, [...(served.get(op.path) ?? []), op.method].sort());
type Operation = {
  operationId: string;
  description: string;
  parameters?: { name?: string; in?: string; required?: boolean; $ref?: string }[];
  responses: Record<string, { content?: { 'application/json': { schema: unknown; examples?: Record<string, { value: { error: { code: string } } }> } } }>;
  'x-error-codes': string[];
  security?: Record<string, string[]>[];
};
const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
  Object.entries(item)
    .filter(([m]) => HTTP_METHODS.includes(m))
    .map(([method, op]) => ({ path: p, method, op: op as unknown as Operation })),
);

describe('OpenAPI document', () => {
  it('looks like OpenAPI 3.1', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: '便民服务 API', version: packageJson.version });
    expect(doc.servers).toEqual([{ url: '/' }]);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    for (const p of Object.keys(doc.paths)) expect(p).toMatch(/^\/api\//);
    expect(Object.keys(doc.components.schemas).length).toBeGreaterThan(0);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    // plain JSON: nothing lost on the way to the client
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('api/ holds only the one Vercel entry: every route is an operation of the router', () => {
    expect(readdirSync(API_DIR, { recursive: true })).toEqual(['index.ts']);
  });

  it('documents every route the router serves with its methods', () => {
    expect(served.size).toBeGreaterThan(10);
    for (const [p, methods] of served) {
      const documented = Object.keys(doc.paths[p] ?? {}).filter((m) => HTTP_METHODS.includes(m)).sort();
      expect({ path: p, methods: documented }).toEqual({ path: p, methods });
    }
  });

  it('documents no path that the router does not serve', () => {
    expect(Object.keys(doc.paths).filter((p) => !served.has(p))).toEqual([]);
  });

  it('names only error codes of the catalogue, each under its status', () => {
    for (const { path: p, method, op } of operations) {
      const where = `${method.toUpperCase()} ${p}`;
      expect({ where, unknown: op['x-error-codes'].filter((c) => !isKnownErrorCode(c)) }).toEqual({ where, unknown: [] });
      const inResponses: string[] = [];
      for (const [status, response] of Object.entries(op.responses)) {
        const codes: string[] = [];
        collect(response, (node) => {
          if (node.code && typeof node.code === 'object' && Array.isArray((node.code as { enum?: unknown }).enum)) codes.push(...((node.code as { enum: string[] }).enum));
        });
        for (const code of codes) expect({ where, code, status: apiError(code).status }).toEqual({ where, code, status: Number(status) });
        for (const [name, example] of Object.entries(response.content?.['application/json']?.examples ?? {})) {
          expect(example.value.error.code).toBe(name);
        }
        inResponses.push(...codes);
      }
      expect({ where, codes: [...inResponses].sort() }).toEqual({ where, codes: [...op['x-error-codes']].sort() });
      for (const code of op['x-error-codes']) expect(op.description).toContain(`\`${code}\``);
    }
  });

  it('mentions in descriptions no code in backticks that is not in the catalogue', () => {
    // upper-case words in backticks that are not error codes: closed-day reasons, settings
    const notErrors = new Set(['HOLIDAY', 'WEEKEND', 'NOT_OPEN_THIS_DAY', 'CLOSURE', 'PAST', 'NOT_YET_OPEN', 'NO_CAPACITY', 'FULL', 'CRON_SECRET', 'AUTH_SECRET', 'MAX_BODY_BYTES', 'NO_SHOWS']);
    const unknown: string[] = [];
    collect(doc, (node, where) => {
      for (const value of Object.values(node)) {
        if (typeof value !== 'string') continue;
        for (const [, word] of value.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) if (!isKnownErrorCode(word!) && !notErrors.has(word!)) unknown.push(`${where}: ${word}`);
      }
    });
    expect(unknown).toEqual([]);
  });

  it('asks for a token where a login is required, and for an Idempotency-Key on booking changes', () => {
    const idempotent = operations.filter(({ op }) => op.parameters?.some((x) => x.$ref === '#/components/parameters/IdempotencyKey'));
    expect(idempotent.map(({ method, path: p }) => `${method.toUpperCase()} ${p}`).sort()).toEqual([
      'POST /api/admin/accounts',
      'POST /api/admin/catalogue/bundles',
      'POST /api/admin/catalogue/items',
      'POST /api/bookings',
      'POST /api/bookings/{id}/cancel',
      'POST /api/bookings/{id}/confirm',
      'POST /api/bookings/{id}/decline',
      'POST /api/bookings/{id}/rating',
      'POST /api/bookings/{id}/reschedule',
      'POST /api/cases',
      'POST /api/cases/{id}/complete',
      'POST /api/cases/{id}/forward',
      'POST /api/cases/{id}/reject',
      'POST /api/cases/{id}/supplement',
      'POST /api/cases/{id}/supplemented',
      'POST /api/cases/{id}/undo',
      'POST /api/manage/centers/{id}/staff',
      'POST /api/manage/centers/{id}/windows',
      'POST /api/queue/call-next',
      'POST /api/queue/undo',
      'POST /api/tickets/{id}/finish',
      'POST /api/tickets/{id}/missed',
      'POST /api/tickets/{id}/recall',
      'POST /api/tickets/{id}/requeue',
      'POST /api/tickets/{id}/serve',
    ]);
    // public routes treat a stale token as none (test/api/booking.test.ts), so only a login answers 401
    for (const { op } of operations) {
      const needsLogin = op.security?.some((s) => 'bearerAuth' in s) ?? false;
      expect(op['x-error-codes'].includes('UNAUTHENTICATED')).toBe(needsLogin);
    }
  });

  it('declares every path parameter and resolves every $ref', () => {
    for (const { path: p, op } of operations) {
      for (const [, name] of p.matchAll(/\{(\w+)\}/g)) {
        expect(op.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name, in: 'path', required: true })]));
      }
    }
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    collect(doc, (node, where) => {
      if (typeof node.$ref !== 'string') return;
      const target = node.$ref.replace(/^#\//, '').split('/').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], doc);
      expect({ where, ref: node.$ref, found: target !== undefined }).toEqual({ where, ref: node.$ref, found: true });
    });
  });

  it('describes the Idempotency-Key format the server accepts', () => {
    const pattern = new RegExp((doc.components.parameters.IdempotencyKey as { schema: { pattern: string } }).schema.pattern);
    const accepts = (key: string) => {
      try {
        idempotencyKey({ headers: { 'idempotency-key': key } } as unknown as ApiRequest);
        return true;
      } catch {
        return false;
      }
    };
    for (const key of ['abcdefgh', '3f9c2a7e-5b1d-4e08-9a41-0c6d2b7f8e15', 'a_b-c_d-', 'short', 'x'.repeat(101), 'has space1', '中文中文中文中文']) {
      expect({ key, documented: pattern.test(key) }).toEqual({ key, documented: accepts(key) });
    }
  });
});
