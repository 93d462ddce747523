import type { ImportReport } from '@contract/catalogue-admin';
import { uploadBytes } from '@/platform/files';

/** POST /api/admin/catalogue/import — check only (dry run) or apply; the file's bytes as the body. */
export function importCatalogue(bytes: ArrayBuffer, dryRun: boolean): Promise<ImportReport> {
  return uploadBytes<ImportReport>(`/api/admin/catalogue/import?dryRun=${dryRun}`, bytes);
}
