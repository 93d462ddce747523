// The OpenAPI document covers every route file under api/ with the methods the file really
// has, names only error codes of the catalogue, and looks like OpenAPI 3.1.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { VercelRequest, VercelResponse } from '@vercel/node';
import packageJson from '../../package.json';
import { apiError, isKnownErrorCode } from '../core/errors';
import { allOf } from './api-app';
import { idempotencyKey } from './handler';
import { buildOpenApi } from './openapi';
import { OPERATIONS } from './operations';
import { routeFromFile } from './routes';

const API_DIR = path.resolve(__dirname, '../../api');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(path.join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  );
}

/** Every legacy route file under api/ as an OpenAPI path (`[id]` → `{id}`), catch-alls and the entry left out. */
function routeFiles(): { file: string; path: string }[] {
  return listFiles(API_DIR)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !/\.test\.(ts|js)$/.test(f) && f !== 'index.ts')
    .map(routeFromFile)
    .filter((r) => r !== null && !r.segments.some((s) => s.kind === 'rest'))
    .map((r) => ({
      file: r!.file,
      path: '/api/' + r!.segments.map((s) => (s.kind === 'static' ? s.value : `{${s.name}}`)).join('/'),
    }));
}

/** The methods a route file answers: the Allow header of its 405 to a method no route has. */
async function methodsOf(file: string): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const handler = (require(path.join(API_DIR, file)) as { default: (req: VercelRequest, res: VercelResponse) => Promise<void> }).default;
  const headers: Record<string, string> = {};
  let status = 0;
  const res = {
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
      return res;
    },
    status(code: number) {
      status = code;
      return res;
    },
    json() {
      return res;
    },
  };
  await handler({ method: 'TRACE', url: `/api/${file}`, headers: {}, query: {} } as unknown as VercelRequest, res as unknown as VercelResponse);
  expect(status).toBe(405);
  return (headers.allow ?? '').split(',').map((m) => m.trim().toLowerCase()).filter(Boolean).sort();
}

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

  it('documents every route the router serves with its methods', async () => {
    expect(served.size + routeFiles().length).toBeGreaterThan(10);
    for (const [p, methods] of served) {
      const documented = Object.keys(doc.paths[p] ?? {}).filter((m) => HTTP_METHODS.includes(m)).sort();
      expect({ path: p, methods: documented }).toEqual({ path: p, methods });
    }
    for (const { file, path: p } of routeFiles()) {
      const documented = Object.keys(doc.paths[p] ?? {}).filter((m) => HTTP_METHODS.includes(m)).sort();
      expect({ file, path: p, methods: documented }).toEqual({ file, path: p, methods: await methodsOf(file) });
    }
  });

  it('documents no path that the router does not serve', () => {
    const paths = new Set([...served.keys(), ...routeFiles().map((r) => r.path)]);
    expect(Object.keys(doc.paths).filter((p) => !paths.has(p))).toEqual([]);
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
        idempotencyKey({ headers: { 'idempotency-key': key } } as unknown as VercelRequest);
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
