import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from './pglite';

describe('openPglite', () => {
  it('creates the data folder and its parents on a fresh clone, and reopens it', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pglite-'));
    const dir = path.join(root, '.data', 'pglite');
    try {
      const db = await openPglite(dir);
      await db.exec('create table kept (n int); insert into kept values (42)');
      await db.close();
      const again = await openPglite(dir);
      await expect(again.query('select n from kept')).resolves.toEqual([{ n: 42 }]);
      await again.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
