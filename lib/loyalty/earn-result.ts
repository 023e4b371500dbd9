import type { EarnErrorCode, Failure, JoinErrorCode } from '@/lib/errors/codes';
import type { AccountView } from './view-model';

export type EarnSuccess = { ok: true; account: AccountView; transactionId: string; points: number };
export type JoinSuccess = { ok: true; account: AccountView };

export type EarnResult = EarnSuccess | Failure<EarnErrorCode>;
export type JoinResult = JoinSuccess | Failure<JoinErrorCode>;
