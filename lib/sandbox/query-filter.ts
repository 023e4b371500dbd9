import { validationError, type FieldViolation } from './errors';

/** Filters of Wix's API Query Language, evaluated over REST-shaped JSON items. */

export type Filter = Record<string, unknown>;
export type Sort = { fieldName: string; order?: 'ASC' | 'DESC' };

export const EQUALITY_OPERATORS = ['$eq', '$ne', '$hasSome', '$in', '$nin', '$exists'] as const;
export const RANGE_OPERATORS = ['$lt', '$lte', '$gt', '$gte'] as const;
export const ALL_OPERATORS = [
  ...EQUALITY_OPERATORS,
  ...RANGE_OPERATORS,
  '$hasAll',
  '$startsWith',
  '$contains',
] as const;

/** What a filter may do with one field, and whether a sort may name it. */
export interface FieldRule {
  operators: readonly string[];
  sortable: boolean;
}
export type FieldRules = Record<string, FieldRule>;

export function valueAt(item: unknown, path: string): unknown {
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

export function compare(a: unknown, b: unknown): number {
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
      // The SDKs' query builders document `startsWith` as case-insensitive.
      return typeof actual === 'string' && actual.toLowerCase().startsWith(String(expected).toLowerCase());
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

function filterViolations(filter: Filter, rules: FieldRules, path: string): FieldViolation[] {
  return Object.entries(filter).flatMap(([key, condition]): FieldViolation[] => {
    if (key === '$and' || key === '$or') {
      return asArray(condition).flatMap((f) => filterViolations(f as Filter, rules, path));
    }
    if (key === '$not') return filterViolations(condition as Filter, rules, path);
    const rule = rules[key];
    if (!rule) {
      return [
        {
          field: `${path}.${key}`,
          description: `filtering by ${key} is not supported`,
          violatedRule: 'OTHER',
        },
      ];
    }
    const operators = isOperatorObject(condition) ? Object.keys(condition) : ['$eq'];
    return operators
      .filter((op) => !rule.operators.includes(op))
      .map((op) => ({
        field: `${path}.${key}`,
        description: `operator ${op} is not supported for ${key}`,
        violatedRule: 'OTHER',
      }));
  });
}

/**
 * Wix answers a filter or sort on a field or with an operator its API does not support with a 400,
 * rather than ignoring it; `path` is where the query sits in the request body.
 */
export function checkQueryFields(filter: Filter, sort: Sort[], rules: FieldRules, path: string): void {
  const violations = [
    ...filterViolations(filter, rules, `${path}filter`),
    ...sort
      .filter(({ fieldName }) => !rules[fieldName]?.sortable)
      .map(({ fieldName }): FieldViolation => ({
        field: `${path}sort`,
        description: `sorting by ${fieldName} is not supported`,
        violatedRule: 'OTHER',
      })),
  ];
  if (violations.length > 0) throw validationError(violations);
}
