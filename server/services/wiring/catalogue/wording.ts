/**
 * How a check of the wiring report is worded: its title, one message per reason a judgement can give, and the
 * remedy for the reasons that need one. Judgements (../judgements) decide a status and a reason from facts;
 * the catalogue turns facts and reason into words. Keeping every sentence here means a wording fix is made
 * once, and a judgement can be tested without reading prose.
 */
import type { Remedy } from '../../../../common/check';

export type Say<F> = (facts: F) => string;

export interface Wording<F, R extends string> {
  title: string;
  message: { [K in R]: Say<F> };
  remedy?: { [K in R]?: (facts: F) => Remedy };
}

/** Fixes the facts type first, then infers the reasons from the messages given. */
export function wording<F>(): <R extends string>(w: Wording<F, R>) => Wording<F, R> {
  return (w) => w;
}

/** One remedy for several reasons (the fix is the same whichever way the check failed). */
export function forReasons<F, R extends string>(
  reasons: readonly R[],
  remedy: (facts: F) => Remedy
): { [K in R]: (facts: F) => Remedy } {
  return Object.fromEntries(reasons.map((r) => [r, remedy])) as { [K in R]: (facts: F) => Remedy };
}
