/**
 * Collects one hop's checks as they are judged, so the orchestrator can hand back what a hop knew when the
 * deadline passed instead of nothing. A check is recorded from a judgement's verdict: the words come from the
 * catalogue, the evidence is the facts the verdict was reached on. No hop writes a sentence itself.
 */
import type { Remedy } from '../../../common/check';
import type { Json } from '../../../common/validation';
import {
  type CheckStatus,
  HOP_TITLES,
  type HopId,
  type WiringCheck,
  type WiringHop,
  worstStatus,
} from '../../../common/wiring_types';
import {
  CATALOGUE,
  type CheckId,
  DEADLINE_REMEDY,
  deadlineMessage,
  failureMessage,
  failureRemedy,
  GENERIC_TITLES,
  INTERNAL_MESSAGE,
} from './catalogue';
import type { Wording } from './catalogue/wording';
import type { CallFailure, DeadlineFacts } from './facts';
import type { AnyVerdict, Verdict } from './judgements/verdict';

/** Evidence without undefined values: it goes to the browser as JSON and is read by people. */
export function cleanEvidence(evidence: object = {}): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(evidence)) {
    if (value === undefined || typeof value === 'function') continue;
    // The update-destination coordinates are there for the remedy's command, not for reading.
    if (key === 'stream' && typeof value === 'object' && value !== null) continue;
    out[key] = value as Json;
  }
  return out;
}

export class HopBuilder {
  readonly checks: WiringCheck[] = [];
  private closed = false;
  private lastAt: number;

  constructor(
    readonly id: HopId,
    private readonly startedAt: number
  ) {
    this.lastAt = startedAt;
  }

  private push(check: WiringCheck): WiringCheck {
    this.checks.push(check);
    this.lastAt = Date.now();
    return check;
  }

  private make(
    id: string,
    title: string,
    status: CheckStatus,
    message: string,
    evidence: object | undefined,
    subject?: string,
    remedy?: Remedy
  ): WiringCheck {
    const check: WiringCheck = {
      id: id.startsWith(`${this.id}.`) ? id : `${this.id}.${id}`,
      title,
      status,
      message,
      evidence: cleanEvidence(evidence),
    };
    if (subject !== undefined) check.subject = subject;
    if (remedy) check.remedy = remedy;
    return check;
  }

  /** A judged check, worded by the catalogue. */
  record<Id extends CheckId>(v: Verdict<Id> | AnyVerdict, subject?: string): WiringCheck {
    // The catalogue entry of v.id takes v.facts and v.reason: the Verdict type ties the three together.
    const words = CATALOGUE[v.id] as unknown as Wording<object, string>;
    const facts = v.facts as object;
    const remedy = words.remedy?.[v.reason]?.(facts);
    return this.push(
      this.make(v.id, words.title, v.status, words.message[v.reason](facts), facts, subject, remedy)
    );
  }

  /** A call the check could not make: `unknown`, with what to fix on the checker's side. */
  failure(
    id: CheckId,
    failure: CallFailure,
    what: string,
    subject?: string,
    evidence: object = {}
  ): WiringCheck {
    return this.push(
      this.make(
        id,
        CATALOGUE[id].title,
        'unknown',
        failureMessage(what, failure),
        { ...evidence, error: failure.error },
        subject,
        failureRemedy(failure)
      )
    );
  }

  /** A check judged elsewhere (e.g. on a scratch builder), kept as it is. */
  keep(check: WiringCheck): void {
    this.push(check);
  }

  /** Nothing for this hop to look at: an earlier hop failed or is missing. */
  skip(reason: string, subject?: string): void {
    this.push(this.make('skipped', HOP_TITLES[this.id], 'skipped', reason, {}, subject));
  }

  internal(): void {
    this.push(this.make('internal', GENERIC_TITLES.internal, 'unknown', INTERNAL_MESSAGE, {}));
  }

  deadline(facts: DeadlineFacts): void {
    this.push(
      this.make(
        'deadline',
        GENERIC_TITLES.deadline,
        'unknown',
        deadlineMessage(facts),
        {},
        undefined,
        DEADLINE_REMEDY
      )
    );
  }

  close(): void {
    this.closed = true;
    this.lastAt = Date.now();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  statusOf(subject?: string): CheckStatus {
    return worstStatus(
      this.checks.filter((c) => subject === undefined || c.subject === subject).map((c) => c.status)
    );
  }

  snapshot(): WiringHop {
    return {
      id: this.id,
      title: HOP_TITLES[this.id],
      status: worstStatus(this.checks.map((c) => c.status)),
      checks: [...this.checks],
      durationMs: Math.max(0, this.lastAt - this.startedAt),
      finished: this.closed,
    };
  }
}
