// The HTTP operations of this domain: contract and handler together (server/http/operation.ts).
import type { Operation } from '../http/operation';

export const queueOperations: Operation[] = [];
