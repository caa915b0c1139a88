/** Checks about the template: ours installed and current, and what the next rotated index will really get. */
import { CRITICAL_DATE_FIELDS, EVENT_DATE_FIELDS } from '../../../common/event_mappings';
import { noun, plural } from '../../../common/plural';
import type { IndexCheck, IndexEvidence, LegacyTemplateDifference } from '../../../common/report';
import { TEMPLATE_MANAGED_BY, type TemplateFlavor } from '../../../common/template';
import type { FlatTemplate } from '../../../common/template_normalize';
import { commands } from './commands';
import { compareLegacyTemplate } from './legacy_overlap';
import { fieldType } from './mapping_walk';
import type { EffectiveTemplate } from './simulate';
import type { TemplateCatalog } from './template_catalog';
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

/** What the overlapping check needs to know of ours: its flattened body, its flavor and (legacy) its order. */
export interface OurTemplate {
  name: string;
  flavor: TemplateFlavor;
  flat: FlatTemplate;
  /** Legacy `order` (composable: its priority, which does not compete with legacy orders). */
  order: number;
  installed: boolean;
}

type LegacyEvidence = CheckOf<'template.overlapping'>['evidence']['legacy'][number];

const countOf = (t: LegacyEvidence, effect: LegacyTemplateDifference['effect']): number =>
  t.differences.filter((d) => d.effect === effect).length;

/** `2 fields (a, b)` from the differences shown, saying how many more there are. */
function fieldList(t: LegacyEvidence, effect: LegacyTemplateDifference['effect']): string {
  const paths = t.differences.filter((d) => d.effect === effect).map((d) => d.path);
  const shown = paths.slice(0, 3).join(', ');
  return `${plural(paths.length, 'field')} (${shown}${paths.length > 3 ? ', …' : ''})`;
}

/** One sentence per legacy template that keeps applying beside ours (Elasticsearch): who wins what. */
function mergeSentence(t: LegacyEvidence, ours: OurTemplate): string {
  const head = `${t.name} (order ${t.order})`;
  const theirs = countOf(t, 'theirs');
  const undecided = countOf(t, 'undecided');
  if (theirs > 0)
    return `${head} outranks ours (order ${ours.order}) on ${fieldList(t, 'theirs')}: new indices get its values there.`;
  if (undecided > 0)
    return `${head} has the same order as ours: the ${fieldList(t, 'undecided')} both set merge in no defined order.`;
  const decided = countOf(t, 'ours');
  const added = countOf(t, 'added');
  const parts = [
    decided > 0 ? `ours (order ${ours.order}) decides the ${fieldList(t, 'ours')} both set` : '',
    added > 0 ? `it adds ${plural(added, 'field')} ours does not set` : '',
  ].filter(Boolean);
  return `${head} also applies (legacy templates merge by order)${parts.length ? `: ${parts.join(', and ')}` : ', and sets nothing differently from ours'}.`;
}

export function overlappingCheck(
  ours: OurTemplate,
  effective: EffectiveTemplate,
  catalog: TemplateCatalog
): CheckOf<'template.overlapping'> {
  const ourName = ours.name;
  const shadowed = effective.shadowedComposable.filter((t) => t.name !== ourName);
  const legacy: LegacyEvidence[] = effective.legacy
    .filter((t) => t.name !== ourName)
    .map((t) => ({
      name: t.name,
      order: t.order,
      index_patterns: t.index_patterns,
      applies: t.applies,
      ...compareLegacyTemplate(
        { body: catalog.legacy.find((l) => l.name === t.name)?.body ?? {}, order: t.order },
        ours
      ),
    }));
  const evidence = {
    index: effective.index,
    composable: shadowed.map((t) => ({
      name: t.name,
      priority: t.priority,
      index_patterns: t.index_patterns,
    })),
    legacy,
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
  if (legacy.length === 0) {
    return {
      id: 'template.overlapping',
      title,
      status: 'pass',
      evidence,
      message: 'No other template matches.',
    };
  }
  const names = legacy.map((t) => t.name).join(', ');
  const differing = legacy.reduce((n, t) => n + t.differenceCount, 0);
  const review = {
    text: `Review what ${names} set${legacy.length === 1 ? 's' : ''} (the evidence lists each field); ${legacy.length === 1 ? 'it is' : 'they are'} yours, and the plugin leaves ${legacy.length === 1 ? 'it' : 'them'} as ${legacy.length === 1 ? 'it is' : 'they are'}.`,
    request: legacy.map((t) => `GET _template/${t.name}`).join('\n'),
  };
  if (ours.flavor === 'legacy') {
    const sentences = legacy.map((t) => mergeSentence(t, ours));
    const contested = legacy.some((t) => countOf(t, 'theirs') + countOf(t, 'undecided') > 0);
    return {
      id: 'template.overlapping',
      title,
      status: contested ? 'warn' : 'pass',
      evidence,
      message: `${ours.installed ? '' : 'Once ours is installed: '}${sentences.join(' ')}`,
      remedy: contested
        ? {
            text: `If that is not intended, give ${names} an order below ${ours.order} or remove those fields from ${legacy.length === 1 ? 'it' : 'them'}; the plugin does not change templates it did not install.`,
            request: review.request,
          }
        : review,
    };
  }
  const unused =
    differing > 0
      ? ` ${plural(differing, 'field')} ${legacy.length === 1 ? 'it sets' : 'they set'} differently from ours ${differing === 1 ? 'is' : 'are'} then not applied (see the evidence).`
      : '';
  if (legacy.some((t) => t.applies)) {
    return {
      id: 'template.overlapping',
      title,
      status: 'pass',
      evidence,
      message: `${noun(legacy.length, 'Legacy template', 'Legacy templates')} ${names} ${legacy.length === 1 ? 'applies' : 'apply'} to new indices for now; once our composable template is installed OpenSearch ignores legacy ones.${unused}`,
      remedy: review,
    };
  }
  return {
    id: 'template.overlapping',
    title,
    status: 'pass',
    evidence,
    message: `${noun(legacy.length, 'Legacy template', 'Legacy templates')} ${names} (such as the walkthrough's default_template) no longer apply to new indices: a composable template matches, and OpenSearch then ignores legacy ones.${unused}`,
    remedy: {
      text: 'Optional clean-up: delete them once you have checked they hold nothing else you need.',
      request: legacy.map((t) => `DELETE _template/${t.name}`).join('\n'),
    },
  };
}
