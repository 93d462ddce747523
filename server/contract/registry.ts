// Every named response shape of the API, registered once where it is declared; the OpenAPI
// document's components.schemas are generated from this registry.
import { z } from 'zod';

export const contracts = z.registry<{ id: string }>();

/** Register a shape under its OpenAPI name (and an optional description) and return it. */
export function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  // the JSON Schema output reads descriptions from zod's own metadata, not from this registry
  const described = description ? (schema.meta({ description }) as T) : schema;
  contracts.add(described, { id });
  return described;
}

/** an instant as ISO 8601 in Shanghai time, e.g. 2026-12-01T09:30:00+08:00 */
export const instant = z.iso.datetime({ offset: true }).meta({ examples: ['2026-12-01T09:30:00+08:00'] });
/** a Shanghai date, YYYY-MM-DD */
export const isoDate = z.iso.date().meta({ examples: ['2026-12-01'] });
/** a row id (any UUID the database made; not checked for the RFC variant) */
export const uuid = z.guid();
