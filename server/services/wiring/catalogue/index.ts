/**
 * The one catalogue of the wiring report's wording: every check id with its title, a message per reason a
 * judgement can give, and its remedies. The hop readers never write a sentence; HopBuilder.record looks the
 * words up here.
 */
import { DELIVERY_CHECKS } from './delivery';
import { FIREHOSE_CHECKS } from './firehose';
import { PINPOINT_CHECKS } from './pinpoint';
import type { Wording } from './wording';

export const CATALOGUE = { ...PINPOINT_CHECKS, ...FIREHOSE_CHECKS, ...DELIVERY_CHECKS } as const;

export type Catalogue = typeof CATALOGUE;
export type CheckId = keyof Catalogue;
export type ReasonOf<Id extends CheckId> = keyof Catalogue[Id]['message'] & string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the reasons are irrelevant to the facts type
export type FactsOf<Id extends CheckId> = Catalogue[Id] extends Wording<infer F, any> ? F : never;

export * from './generic';
export * from './commands';
