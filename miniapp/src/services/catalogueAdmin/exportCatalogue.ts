import { downloadFile } from '@/platform/files';

/** GET /api/admin/catalogue/export — saved by the browser, or opened in WeChat's viewer. */
export function exportCatalogue(format: 'xlsx' | 'csv'): Promise<void> {
  return downloadFile(`/api/admin/catalogue/export?format=${format}`, `catalogue.${format}`);
}
