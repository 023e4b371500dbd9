import { applicationError, SandboxErrorCode, validationError } from './errors';

/**
 * Updates and deletes that take a `revision` need the current one: a missing revision is a validation error,
 * a stale one a 409 that names the current revision, so the caller can read again and retry.
 */
export function requireCurrentRevision(
  entity: { revision: number },
  sent: string | number | null | undefined,
  field: string,
): void {
  if (sent === undefined || sent === null || sent === '') {
    throw validationError([{ field, description: 'is required', violatedRule: 'REQUIRED_FIELD' }]);
  }
  if (Number(sent) !== entity.revision) {
    throw applicationError(
      409,
      SandboxErrorCode.RevisionMismatch,
      `Revision ${sent} is stale; the current revision is ${entity.revision}`,
      { currentRevision: String(entity.revision) },
    );
  }
}
