import { describe, expect, it } from 'vitest';
import { withAccount } from './card-updates';
import type { AccountView, ProgramView } from './view-model';

const program: ProgramView = { name: 'Star Rewards', pointsName: 'Stars', active: true };
const account = { balance: 50 } as AccountView;

describe('withAccount', () => {
  it("turns a no-account card into a member card with the action's account", () => {
    expect(withAccount({ status: 'no-account', program, memberName: 'Noah' }, account)).toEqual({
      status: 'member',
      program,
      memberName: 'Noah',
      account,
    });
  });

  it('replaces the account of a member card and leaves a visitor card as it is', () => {
    const before = {
      status: 'member' as const,
      program,
      memberName: 'Elena',
      account: { balance: 1 } as AccountView,
    };
    expect(withAccount(before, account)).toMatchObject({ account: { balance: 50 } });
    const visitor = { status: 'visitor' as const, program, sessionEnded: false };
    expect(withAccount(visitor, account)).toBe(visitor);
  });
});
