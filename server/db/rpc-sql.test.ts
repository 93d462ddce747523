import { rpcStatement } from './rpc-sql';

describe('rpcStatement', () => {
  it('passes named arguments as untyped parameters in a stable order', () => {
    expect(rpcStatement('search_items', { p_q: '低保', p_limit: 20, p_center: undefined, p_department: null })).toEqual({
      text: 'select public.search_items(p_q => $1, p_limit => $2, p_department => $3) as result',
      values: ['低保', '20', null],
    });
  });

  it('sends objects as JSON text and dates as ISO strings', () => {
    const at = new Date('2026-03-02T01:30:00Z');
    expect(rpcStatement('f', { p_a: { x: 1 }, p_b: at, p_c: true }).values).toEqual(['{"x":1}', '2026-03-02T01:30:00.000Z', 'true']);
  });

  it('calls a function with no arguments', () => {
    expect(rpcStatement('health', {}).text).toBe('select public.health() as result');
  });

  it('refuses names that are not plain identifiers', () => {
    expect(() => rpcStatement('x; drop table centers', {})).toThrow('invalid function name');
    expect(() => rpcStatement('f', { 'a => 1); --': 1 })).toThrow('invalid argument name');
  });
});
