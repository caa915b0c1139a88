/** Checks about the template: ours installed and current, and what the next rotated index will really get. */
import { CRITICAL_DATE_FIELDS, EVENT_DATE_FIELDS } from '../../../common/event_mappings';
import type { IndexCheck, IndexEvidence } from '../../../common/report';
import { noun, plural } from '../../../common/plural';
import { TEMPLATE_MANAGED_BY } from '../../../common/template';
import { commands } from './commands';
import { fieldType } from './mapping_walk';
import type { EffectiveTemplate } from './simulate';
import type { TemplateStatus } from './template_status';
import { isDateType } from './index_scan';

const MAX_DIFF_SHOWN = 200;

/** `1 field differs`, `3 fields differ`. */
const fieldsDiffer = (n: number): string =>
  `${plural(n, 'field')} ${n === 1 ? 'differs' : 'differ'}`;

type CheckOf<Id extends keyof IndexEvidence> = Extract<IndexCheck, { id: Id }>;

export function templateCheck(prefix: string, status: TemplateStatus): CheckOf<'template'> {
  const base = {
    id: 'template' as const,
    title: `Index template ${status.name}`,
    evidence: {
      name: status.name,
      flavor: status.flavor,
      state: status.state,
      installedVersion: status.installedVersion ?? null,
      diffCount: status.diff.length,
      diff: status.diff.slice(0, MAX_DIFF_SHOWN),
    },
  };
  const kind = status.flavor === 'composable' ? '_index_template' : '_template';
  switch (status.state) {
    case 'absent':
      return {
        ...base,
        status: 'fail',
        message: `No ${kind}/${status.name}: every new ${prefix}* index is mapped by guesswork (timestamps become long).`,
        remedy: {
          text: 'Install the template before Firehose creates the next index.',
          fix: { kind: 'install_template' },
          command: commands.setupTemplate(prefix),
        },
      };
    case 'identical':
      return {
        ...base,
        status: 'pass',
        message: `${kind}/${status.name} is installed and current.`,
      };
    case 'outdated':
      return {
        ...base,
        status: 'warn',
        message: `${kind}/${status.name} is an unedited older version (${status.installedVersion ?? 'unknown'}); ${fieldsDiffer(status.diff.length)}.`,
        remedy: {
          text: 'Update the template; nobody edited it, so the update replaces only our own earlier version.',
          fix: { kind: 'update_template', overwrite: false },
          command: commands.setupTemplate(prefix),
        },
      };
    case 'modified':
    case 'foreign':
      return {
        ...base,
        status: 'warn',
        message:
          status.state === 'modified'
            ? `${kind}/${status.name} was changed after it was installed; ${fieldsDiffer(status.diff.length)} from ours.`
            : `${kind}/${status.name} exists but was not installed by ${TEMPLATE_MANAGED_BY}; ${fieldsDiffer(status.diff.length)} from ours.`,
        remedy: {
          text: 'Review the diff. Keep the installed template if its changes are wanted; otherwise replace it with ours (overwrite discards those changes).',
          fix: { kind: 'update_template', overwrite: true },
          command: commands.setupTemplate(prefix, true),
        },
      };
  }
}

export function effectiveCheck(
  prefix: string,
  ourName: string,
  effective: EffectiveTemplate
): CheckOf<'template.effective'> {
  const types: Record<string, string | null> = {};
  for (const field of EVENT_DATE_FIELDS)
    types[field] = fieldType(effective.mappings, field) ?? null;
  const bad = CRITICAL_DATE_FIELDS.filter((f) => !isDateType(types[f] ?? undefined));
  const source = effective.source;
  const evidence = {
    index: effective.index,
    source:
      source.kind === 'composable'
        ? `composable ${source.name} (priority ${source.priority})`
        : source.kind === 'legacy'
          ? `legacy ${source.names.join(', ')}`
          : 'no template',
    dateFieldTypes: types,
  };
  const title = `Mapping of the next index ${effective.index}`;
  if (source.kind === 'composable' && source.name !== ourName) {
    return {
      id: 'template.effective',
      title,
      status: 'fail',
      evidence,
      message: `Template ${source.name} (priority ${source.priority}) outranks ${ourName}: OpenSearch applies it alone and ignores ours.`,
      remedy: {
        text: `Lower the priority of ${source.name} below ours or narrow its index_patterns so it no longer matches ${prefix}-* indices.`,
        request: `GET _index_template/${source.name}`,
      },
    };
  }
  if (bad.length > 0) {
    return {
      id: 'template.effective',
      title,
      status: 'fail',
      evidence,
      message: `${effective.index} would map ${bad.map((f) => `${f} as ${types[f] ?? 'long (dynamic)'}`).join(' and ')}, not as a date.`,
      remedy: {
        text: 'Install our template; until then each new daily index repeats the problem.',
        fix: { kind: 'install_template' },
        command: commands.setupTemplate(prefix),
      },
    };
  }
  return {
    id: 'template.effective',
    title,
    status: 'pass',
    evidence,
    message: `${effective.index} will map ${CRITICAL_DATE_FIELDS.join(' and ')} as dates.`,
  };
}

export function overlappingCheck(
  ourName: string,
  effective: EffectiveTemplate
): CheckOf<'template.overlapping'> {
  const shadowed = effective.shadowedComposable.filter((t) => t.name !== ourName);
  const legacy = effective.legacy.filter((t) => t.name !== ourName);
  const evidence = {
    index: effective.index,
    composable: shadowed.map((t) => ({
      name: t.name,
      priority: t.priority,
      index_patterns: t.index_patterns,
    })),
    legacy: legacy.map((t) => ({
      name: t.name,
      order: t.order,
      index_patterns: t.index_patterns,
      applies: t.applies,
    })),
  };
  const title = 'Other templates matching the pattern';
  if (shadowed.length > 0) {
    return {
      id: 'template.overlapping',
      title,
      status: 'warn',
      evidence,
      message: `${shadowed.map((t) => t.name).join(', ')} also match ${effective.index} but are never applied to it (a composable template of higher priority wins alone).`,
      remedy: {
        text: 'Fold what you need from them into a component template or narrow their index_patterns; they do nothing for these indices.',
        request: shadowed.map((t) => `GET _index_template/${t.name}`).join('\n'),
      },
    };
  }
  const ignored = legacy.filter((t) => !t.applies);
  if (ignored.length > 0) {
    return {
      id: 'template.overlapping',
      title,
      status: 'pass',
      evidence,
      message: `${noun(ignored.length, 'Legacy template', 'Legacy templates')} ${ignored.map((t) => t.name).join(', ')} (such as the walkthrough's default_template) no longer apply to new indices: a composable template matches, and OpenSearch then ignores legacy ones.`,
      remedy: {
        text: 'Optional clean-up: delete them once you have checked they hold nothing else you need.',
        request: ignored.map((t) => `DELETE _template/${t.name}`).join('\n'),
      },
    };
  }
  return {
    id: 'template.overlapping',
    title,
    status: 'pass',
    evidence,
    message:
      legacy.length > 0
        ? `${noun(legacy.length, 'Legacy template', 'Legacy templates')} ${legacy.map((t) => t.name).join(', ')} ${legacy.length === 1 ? 'applies' : 'apply'}.`
        : 'No other template matches.',
  };
}
