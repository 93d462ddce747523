// The SQL text and parameters for calling a function with named arguments
// (`select public.f(a => $1, b => $2) as result`), the same call PostgREST makes for rpc().
import type { RpcArgs } from './database';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function rpcStatement(fn: string, args: RpcArgs): { text: string; values: unknown[] } {
  if (!IDENTIFIER.test(fn)) throw new Error(`invalid function name: ${fn}`);
  const names = Object.keys(args).filter((name) => args[name] !== undefined);
  const values: unknown[] = [];
  const parts = names.map((name, i) => {
    if (!IDENTIFIER.test(name)) throw new Error(`invalid argument name: ${name}`);
    values.push(serialize(args[name]));
    return `${name} => $${i + 1}`;
  });
  return { text: `select public.${fn}(${parts.join(', ')}) as result`, values };
}

// Parameters are sent untyped and PostgreSQL casts them to the function's argument types;
// objects and arrays travel as JSON text (for jsonb arguments).
function serialize(value: RpcArgs[string]): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The statement that switches role and claims for the rest of the transaction. */
export const SET_CALLER_SQL =
  "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)";
