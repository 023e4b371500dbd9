import { z } from 'zod';
import { applicationError, parseOrThrow, SandboxErrorCode, validationError } from './errors';
import {
  checkQueryFields,
  compare,
  matchesFilter,
  valueAt,
  type FieldRules,
  type Sort,
} from './query-filter';
import { checkSearchFields, matchesSearch, searchDetailsSchema, type SearchDetails } from './text-search';

/** Wix's cursor queries and searches, over REST-shaped JSON items. */

const sortSchema = z.object({ fieldName: z.string().min(1), order: z.enum(['ASC', 'DESC']).optional() });

const filterSchema = z.record(z.string(), z.unknown());

/** A Query's `CursorQuery`, and a Search's `CursorSearch` with its `search` details. */
export const cursorQuerySchema = z.object({
  filter: filterSchema.nullish(),
  sort: z.array(sortSchema).max(5).optional(),
  search: searchDetailsSchema.nullish(),
  aggregations: z.array(z.unknown()).max(10).optional(),
  cursorPaging: z
    .object({ limit: z.int().min(0).max(100).nullish(), cursor: z.string().max(16000).nullish() })
    .optional(),
});

/** How one API's queries behave: what they may filter and sort on, their default order, what they search. */
export interface QueryRules {
  /** Fields a filter or sort may name, with their operators; without rules, anything goes. */
  fields?: FieldRules;
  /** The order when a query names none. */
  defaultSort?: Sort[];
  /** Fields free text is matched against; an API without them refuses `search`. */
  searchable?: readonly string[];
  /** Where the query sits in the request body (`query.`, `search.` or nothing), for field violations. */
  path?: string;
}

export interface Selection {
  filter?: Record<string, unknown> | null;
  sort?: Sort[];
  search?: SearchDetails | null;
}

/** Every item a filter, sort and search select, in order: what pages slice and counts count. */
export function selectItems<T>(items: T[], selection: Selection, rules: QueryRules = {}): T[] {
  const path = rules.path ?? '';
  const filter = selection.filter ?? {};
  const requested = selection.sort ?? [];
  if (rules.fields) checkQueryFields(filter, requested, rules.fields, path);
  const sort = requested.length > 0 ? requested : (rules.defaultSort ?? []);
  const search = selection.search;
  if (search?.expression && !rules.searchable) {
    throw validationError([
      { field: `${path}search`, description: 'this method does not search', violatedRule: 'OTHER' },
    ]);
  }
  const searchable = rules.searchable ?? [];
  if (search) checkSearchFields(search, searchable, `${path}search.`);
  const matching = items.filter(
    (item) => matchesFilter(item, filter) && (!search || matchesSearch(item, search, searchable)),
  );
  return sortItems(matching, sort);
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

const DEFAULT_LIMIT = 50;

const cursorStateSchema = z.object({
  filter: filterSchema,
  sort: z.array(sortSchema),
  search: searchDetailsSchema.nullish(),
  offset: z.int().min(0),
  limit: z.int().min(0).max(100),
});
type CursorState = z.output<typeof cursorStateSchema>;

function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

/** A cursor carries the whole query, because the SDK sends only `cursorPaging` for later pages. */
function decodeCursor(cursor: string, path: string): CursorState {
  try {
    return cursorStateSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw validationError([
      {
        field: `${path}cursorPaging.cursor`,
        description: 'is not a cursor this API returned',
        violatedRule: 'FORMAT',
      },
    ]);
  }
}

export interface PageResult<T> {
  items: T[];
  /** How many items the query matches on all pages. */
  total: number;
  pagingMetadata: { count: number; cursors: { next?: string; prev?: string }; hasNext: boolean };
}

/** Filters, searches, sorts and pages REST-shaped items the way Wix's cursor queries do. */
export function runCursorQuery<T>(items: T[], rawQuery: unknown, rules: QueryRules = {}): PageResult<T> {
  const query = parseOrThrow(cursorQuerySchema, rawQuery ?? {});
  if (query.aggregations && query.aggregations.length > 0) {
    throw applicationError(
      501,
      SandboxErrorCode.FeatureNotImplemented,
      'The Wix sandbox does not implement search aggregations',
    );
  }
  const cursor = query.cursorPaging?.cursor;
  const state: CursorState = cursor
    ? decodeCursor(cursor, rules.path ?? '')
    : {
        filter: query.filter ?? {},
        sort: query.sort ?? [],
        search: query.search,
        offset: 0,
        limit: query.cursorPaging?.limit ?? DEFAULT_LIMIT,
      };
  if (cursor && query.cursorPaging?.limit != null) state.limit = query.cursorPaging.limit;
  const matching = selectItems(items, state, rules);
  const page = matching.slice(state.offset, state.offset + state.limit);
  const nextOffset = state.offset + page.length;
  const hasNext = page.length > 0 && nextOffset < matching.length;
  return {
    items: page,
    total: matching.length,
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

/**
 * A List method's page: `cursorPaging.limit` and `cursorPaging.cursor` from the query string, answered with
 * `PagingMetadataV2` shaped as in the reference's List examples.
 */
export function runListPage<T>(items: T[], params: URLSearchParams, filter: Record<string, unknown> = {}) {
  const limit = params.get('cursorPaging.limit');
  const page = runCursorQuery(items, {
    filter,
    cursorPaging: {
      limit: limit === null ? undefined : Number(limit),
      cursor: params.get('cursorPaging.cursor'),
    },
  });
  const { count, cursors } = page.pagingMetadata;
  return {
    items: page.items,
    pagingMetadata: {
      count,
      offset: null,
      total: page.total,
      tooManyToCount: null,
      cursors: { next: cursors.next ?? null, prev: cursors.prev ?? null },
    },
  };
}
