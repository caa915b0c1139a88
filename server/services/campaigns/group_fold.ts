/**
 * Per group (campaign or journey) and per split (treatment or activity) counts, fed with the entity stream
 * of composite.ts whose key is [group id, message id, split]. A message's rows of every split are also
 * folded together into the group's counts, so a number that is distinct per group (endpoints targeted) stays
 * distinct when an endpoint met two treatments.
 */
import { addEntity, mergeCounts, type Counts, type EventRow } from '../../../common/campaigns/fold';
import type { EntityRows } from './composite';

export interface GroupCounts {
  counts: Counts;
  splits: Map<string, Counts>;
}

export class GroupFold {
  readonly groups = new Map<string, GroupCounts>();
  private pendingGroup?: string;
  private pendingEntity?: string | null;
  private pendingRows: EventRow[] = [];

  private group(id: string): GroupCounts {
    let g = this.groups.get(id);
    if (!g) {
      g = { counts: {}, splits: new Map() };
      this.groups.set(id, g);
    }
    return g;
  }

  private flush(): void {
    if (this.pendingGroup !== undefined && this.pendingRows.length > 0) {
      addEntity(this.group(this.pendingGroup).counts, this.pendingRows);
    }
    this.pendingRows = [];
  }

  /** Entities must arrive in key order (group, message, split), as composite buckets do. */
  add(entity: EntityRows): void {
    const [groupId, entityId, split] = entity.key;
    if (groupId === null) return;
    if (groupId !== this.pendingGroup || entityId !== this.pendingEntity) {
      this.flush();
      this.pendingGroup = groupId;
      this.pendingEntity = entityId;
    }
    this.pendingRows.push(...entity.rows);
    if (split !== null && split !== undefined) {
      const g = this.group(groupId);
      let counts = g.splits.get(split);
      if (!counts) g.splits.set(split, (counts = {}));
      addEntity(counts, entity.rows);
    }
  }

  /** Ends the current stream (the next one may start over at any group). */
  end(): void {
    this.flush();
    this.pendingGroup = undefined;
    this.pendingEntity = undefined;
  }

  /** Adds counts computed elsewhere (summaries) for a group and its splits. */
  mergeGroup(id: string, counts: Counts, splits: Map<string, Counts>): void {
    const g = this.group(id);
    mergeCounts(g.counts, counts);
    for (const [split, c] of splits) {
      let into = g.splits.get(split);
      if (!into) g.splits.set(split, (into = {}));
      mergeCounts(into, c);
    }
  }
}
