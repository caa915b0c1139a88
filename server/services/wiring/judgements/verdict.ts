/** What a judgement hands back: the check, its status, the reason (a key of the catalogue), the facts. */
import type { CheckStatus } from '../../../../common/check';
import type { CheckId, FactsOf, ReasonOf } from '../catalogue';

export interface Verdict<Id extends CheckId = CheckId> {
  id: Id;
  status: CheckStatus;
  reason: ReasonOf<Id>;
  facts: FactsOf<Id>;
}

export type AnyVerdict = { [Id in CheckId]: Verdict<Id> }[CheckId];

export function verdict<Id extends CheckId>(
  id: Id,
  status: CheckStatus,
  reason: ReasonOf<Id>,
  facts: FactsOf<Id>
): Verdict<Id> {
  return { id, status, reason, facts };
}
