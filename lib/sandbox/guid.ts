import { validationError } from './errors';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (value: string): boolean => GUID.test(value);

/**
 * Wix checks `@format GUID` fields before it looks anything up, so a malformed id is a 400
 * validation error, never a 404: "not found" is kept for well-formed ids that match nothing.
 */
export function requireGuid(value: string, field: string): string {
  if (!isGuid(value)) {
    throw validationError([
      { field, description: 'must be a valid GUID', violatedRule: 'FORMAT', data: { type: 'GUID' } },
    ]);
  }
  return value;
}
