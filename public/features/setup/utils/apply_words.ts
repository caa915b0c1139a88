/** What an apply did, in words for a toast (no API paths). */
import type { ApplyResult, ApplyStep } from '../../../../common/report';

const WORDS: Record<ApplyStep['step'], Partial<Record<ApplyStep['action'], string>>> = {
  template: {
    created: 'Installed the index template',
    updated: 'Updated the index template',
  },
  index_pattern: {
    created: 'Created the index pattern',
    updated: 'Brought the index pattern up to date',
  },
  default_index: { updated: 'Made it the default index pattern' },
};

export function applyToast(result: ApplyResult): { title: string; text?: string } {
  const done = result.steps
    .map((s) => WORDS[s.step][s.action])
    .filter((w): w is string => w !== undefined);
  if (!result.changed || done.length === 0) {
    return { title: 'Nothing to change', text: `${result.prefix}* is already set up that way.` };
  }
  return {
    title: done.join('. '),
    text: `for ${result.prefix}*. The checks below have been run again.`,
  };
}
