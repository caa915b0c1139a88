/**
 * Collects one hop's checks as they are made, so the orchestrator can hand back what a hop knew when the
 * deadline passed instead of nothing.
 */
import type { Json } from '../../../common/validation';
import {
  type CheckStatus,
  HOP_TITLES,
  type HopId,
  type Remedy,
  type WiringCheck,
  type WiringHop,
  worstStatus,
} from '../../../common/wiring_types';

export interface CheckInput {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
  subject?: string;
  evidence?: Record<string, Json | undefined>;
  remedy?: Remedy;
}

/** Evidence without undefined values: it goes to the browser as JSON and is read by people. */
export function cleanEvidence(
  evidence: Record<string, Json | undefined> = {}
): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(evidence)) if (value !== undefined) out[key] = value;
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

  add(input: CheckInput): WiringCheck {
    const check: WiringCheck = {
      id: input.id.startsWith(`${this.id}.`) ? input.id : `${this.id}.${input.id}`,
      hop: this.id,
      title: input.title,
      status: input.status,
      message: input.message,
      evidence: cleanEvidence(input.evidence),
    };
    if (input.subject !== undefined) check.subject = input.subject;
    if (input.remedy) check.remedy = input.remedy;
    this.checks.push(check);
    this.lastAt = Date.now();
    return check;
  }

  /** Nothing for this hop to look at: an earlier hop failed or is missing. */
  skip(reason: string, subject?: string): void {
    this.add({
      id: 'skipped',
      title: HOP_TITLES[this.id],
      status: 'skipped',
      message: reason,
      subject,
    });
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
