import { z } from 'zod';
import { validationError } from './errors';
import { valueAt } from './query-filter';

/** The `SearchDetails` object of Wix's search endpoints, limits from the SDK typings. */
export const searchDetailsSchema = z.object({
  mode: z.enum(['OR', 'AND']).optional(),
  expression: z.string().max(100).nullish(),
  fields: z.array(z.string().max(200)).max(20).optional(),
  fuzzy: z.boolean().optional(),
});
export type SearchDetails = z.output<typeof searchDetailsSchema>;

const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * A term matches a value that starts with it, or whose words, split the same way as the term's, hold the
 * term's words in a row, each word a prefix: `example.com` finds `elena.rodriguez@example.com`.
 */
function termMatches(term: string, value: string): boolean {
  if (value.startsWith(term)) return true;
  const termWords = words(term);
  if (termWords.length === 0) return false;
  const valueWords = words(value);
  return valueWords.some((_, start) =>
    termWords.every((termWord, i) => valueWords[start + i]?.startsWith(termWord) ?? false),
  );
}

/** Refuses `fields` outside the API's searchable fields, as Wix does. */
export function checkSearchFields(search: SearchDetails, searchable: readonly string[], path: string): void {
  const unknown = (search.fields ?? []).filter((field) => !searchable.includes(field));
  if (unknown.length > 0) {
    throw validationError(
      unknown.map((field) => ({
        field: `${path}fields`,
        description: `${field} is not searchable; searchable fields are ${searchable.join(', ')}`,
        violatedRule: 'OTHER',
      })),
    );
  }
}

/**
 * Free-text search: the expression's whitespace-separated terms are matched against the searchable
 * fields (or the requested subset). With `OR`, the default, one term must match; with `AND`, all.
 * "John" finds "Johna Linskey" and "Aigneis Johnsson", as in the reference's example. `fuzzy` is
 * accepted, but the sandbox matches prefixes only.
 */
export function matchesSearch(item: unknown, search: SearchDetails, searchable: readonly string[]): boolean {
  const terms = (search.expression ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const fields = search.fields && search.fields.length > 0 ? search.fields : searchable;
  const values = fields
    .map((field) => valueAt(item, field))
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.toLowerCase());
  const found = (term: string) => values.some((value) => termMatches(term, value));
  return search.mode === 'AND' ? terms.every(found) : terms.some(found);
}
