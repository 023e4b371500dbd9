import { z } from 'zod';
import { parseOrThrow, validationError } from './errors';

/** The subset of Wix's API Query Language the sandbox evaluates, over REST-shaped JSON items. */

const sortSchema = z.object({ fieldName: z.string().min(1), order: z.enum(['ASC', 'DESC']).optional() });
type Sort = z.output<typeof sortSchema>;
type Filter = Record<string, unknown>;

export const cursorQuerySchema = z.object({
  filter: z.record(z.string(), z.unknown()).nullish(),
  sort: z.array(sortSchema).max(5).optional(),
  cursorPaging: z
    .object({ limit: z.int().min(0).max(100).nullish(), cursor: z.string().max(16000).nullish() })
    .optional(),
});
export type CursorQuery = z.output<typeof cursorQuerySchema>;

const DEFAULT_LIMIT = 50;

interface CursorState {
  filter: Filter;
  sort: Sort[];
  offset: number;
  limit: number;
}

const cursorStateSchema = z.object({
  filter: z.record(z.string(), z.unknown()),
  sort: z.array(sortSchema),
  offset: z.int().min(0),
  limit: z.int().min(0).max(100),
});

function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

/** A cursor carries the whole query, because the SDK sends only `cursorPaging` for later pages. */
function decodeCursor(cursor: string): CursorState {
  try {
    return cursorStateSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw validationError([
      {
        field: 'query.cursorPaging.cursor',
        description: 'is not a cursor this API returned',
        violatedRule: 'FORMAT',
      },
    ]);
  }
}

function valueAt(item: unknown, path: string): unknown {
  let current = item;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const isOperatorObject = (value: unknown): value is Record<string, unknown> =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).every((key) => key.startsWith('$'));

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

function matchOperator(actual: unknown, operator: string, expected: unknown, field: string): boolean {
  switch (operator) {
    case '$eq':
      return same(actual, expected);
    case '$ne':
      return !same(actual, expected);
    case '$in':
      return asArray(expected).some((e) => same(actual, e));
    case '$nin':
      return !asArray(expected).some((e) => same(actual, e));
    case '$hasSome':
      return asArray(expected).some((e) => asArray(actual).some((a) => same(a, e)));
    case '$hasAll':
      return asArray(expected).every((e) => asArray(actual).some((a) => same(a, e)));
    case '$exists':
      return (actual !== undefined && actual !== null) === Boolean(expected);
    case '$gt':
      return actual !== undefined && compare(actual, expected) > 0;
    case '$gte':
      return actual !== undefined && compare(actual, expected) >= 0;
    case '$lt':
      return actual !== undefined && compare(actual, expected) < 0;
    case '$lte':
      return actual !== undefined && compare(actual, expected) <= 0;
    case '$startsWith':
      return typeof actual === 'string' && actual.startsWith(String(expected));
    case '$contains':
      return typeof actual === 'string' && actual.includes(String(expected));
    default:
      throw validationError([
        {
          field: `query.filter.${field}`,
          description: `operator ${operator} is not supported`,
          violatedRule: 'OTHER',
        },
      ]);
  }
}

export function matchesFilter(item: unknown, filter: Filter): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '$and') return asArray(condition).every((f) => matchesFilter(item, f as Filter));
    if (key === '$or') return asArray(condition).some((f) => matchesFilter(item, f as Filter));
    if (key === '$not') return !matchesFilter(item, condition as Filter);
    const actual = valueAt(item, key);
    if (!isOperatorObject(condition)) return same(actual, condition);
    return Object.entries(condition).every(([op, expected]) => matchOperator(actual, op, expected, key));
  });
}

function sortItems<T>(items: T[], sort: Sort[]): T[] {
  if (sort.length === 0) return items;
  return [...items].sort((a, b) => {
    for (const { fieldName, order } of sort) {
      const av = valueAt(a, fieldName);
      const bv = valueAt(b, fieldName);
      if (av === bv) continue;
      if (av === undefined) return 1;
      if (bv === undefined) return -1;
      const result = compare(av, bv);
      if (result !== 0) return order === 'DESC' ? -result : result;
    }
    return 0;
  });
}

export interface PageResult<T> {
  items: T[];
  pagingMetadata: { count: number; cursors: { next?: string; prev?: string }; hasNext: boolean };
}

/** Filters, sorts and pages REST-shaped items the way Wix's cursor queries do. */
export function runCursorQuery<T>(items: T[], rawQuery: unknown): PageResult<T> {
  const query = parseOrThrow(cursorQuerySchema, rawQuery ?? {});
  const cursor = query.cursorPaging?.cursor;
  const state: CursorState = cursor
    ? decodeCursor(cursor)
    : {
        filter: query.filter ?? {},
        sort: query.sort ?? [],
        offset: 0,
        limit: query.cursorPaging?.limit ?? DEFAULT_LIMIT,
      };
  if (cursor && query.cursorPaging?.limit != null) state.limit = query.cursorPaging.limit;
  const matching = sortItems(
    items.filter((item) => matchesFilter(item, state.filter)),
    state.sort,
  );
  const page = matching.slice(state.offset, state.offset + state.limit);
  const nextOffset = state.offset + page.length;
  const hasNext = page.length > 0 && nextOffset < matching.length;
  return {
    items: page,
    pagingMetadata: {
      count: page.length,
      cursors: {
        ...(hasNext && { next: encodeCursor({ ...state, offset: nextOffset }) }),
        ...(state.offset > 0 && {
          prev: encodeCursor({ ...state, offset: Math.max(0, state.offset - state.limit) }),
        }),
      },
      hasNext,
    },
  };
}
