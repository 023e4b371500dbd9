import { authenticate, requireApp } from './auth';
import { applicationError, SandboxErrorCode, validationError } from './errors';
import type { RequestContext, Router } from './router';
import { fullName, memberById, type DemoMember } from './state';

const FIELDSETS = ['PUBLIC', 'EXTENDED', 'FULL'] as const;
type Fieldset = (typeof FIELDSETS)[number];

/** Wix returns the widest fieldset asked for; with none, `PUBLIC`, which omits `loginEmail`. */
function requestedFieldset(ctx: RequestContext): Fieldset {
  const asked = ctx.url.searchParams.getAll('fieldsets');
  for (const value of asked) {
    if (!FIELDSETS.includes(value as Fieldset)) {
      throw validationError([
        {
          field: 'fieldsets',
          description: `must be one of ${FIELDSETS.join(', ')}`,
          violatedRule: 'INVALID_ENUM_VALUE',
        },
      ]);
    }
  }
  return FIELDSETS.findLast((fieldset) => asked.includes(fieldset)) ?? 'PUBLIC';
}

export function restMember(member: DemoMember, fieldset: Fieldset) {
  const base = {
    id: member.id,
    contactId: member.contactId,
    profile: { nickname: fullName(member), slug: member.slug },
    createdDate: member.createdDate.toISOString(),
    updatedDate: member.createdDate.toISOString(),
  };
  if (fieldset === 'PUBLIC') {
    return { ...base, status: 'UNKNOWN', privacyStatus: 'UNKNOWN', activityStatus: 'UNKNOWN' };
  }
  const extended = {
    ...base,
    loginEmail: member.loginEmail,
    loginEmailVerified: true,
    status: 'APPROVED',
    privacyStatus: 'PUBLIC',
    activityStatus: 'ACTIVE',
  };
  if (fieldset === 'EXTENDED') return extended;
  return {
    ...extended,
    contact: {
      firstName: member.firstName,
      lastName: member.lastName,
      emails: [member.loginEmail],
      phones: [],
      addresses: [],
    },
    lastLoginDate: member.lastLoginDate.toISOString(),
  };
}

/** A visitor or an API key has no "current member": `NOT_FOUND` is the code `@wix/members` declares. */
function getMyMember(ctx: RequestContext) {
  const identity = authenticate(ctx);
  const fieldset = requestedFieldset(ctx);
  const member = identity.kind === 'member' ? memberById(ctx.sandbox.state, identity.memberId) : undefined;
  if (!member) {
    throw applicationError(404, SandboxErrorCode.NotFound, 'The caller is not a logged-in member');
  }
  return { json: { member: restMember(member, fieldset) } };
}

export function registerMemberRoutes(router: Router): void {
  router.add('GET', '/members/v1/members/my', getMyMember).add('GET', '/members/v1/members/:id', (ctx) => {
    requireApp(ctx);
    const fieldset = requestedFieldset(ctx);
    const member = memberById(ctx.sandbox.state, ctx.params.id ?? '');
    if (!member) {
      throw applicationError(404, SandboxErrorCode.MemberNotFound, `Member ${ctx.params.id} not found`);
    }
    return { json: { member: restMember(member, fieldset) } };
  });
}
