/** Checks about the index pattern saved object and the default index pattern. */
import { TIME_FIELD } from '../../../common/constants';
import { indexPatternTitle, matchesIndexPattern } from '../../../common/index_naming';
import { plural } from '../../../common/plural';
import type { IndexCheck } from '../../../common/report';
import { commands } from './commands';
import { fieldListDrift } from './index_pattern_fields';
import type { IndexPatternState } from './index_pattern_state';
import type { IndexScan } from './index_scan';

const SAMPLE = 50;

export function indexPatternChecks(
  prefix: string,
  state: IndexPatternState,
  scan: IndexScan
): IndexCheck[] {
  const title = indexPatternTitle(prefix);
  const target = state.target;
  if (!target) {
    return [
      {
        id: 'index_pattern.exists',
        title: `Index pattern ${title}`,
        status: 'fail',
        evidence: { title, found: false, id: null, createdByPlugin: null },
        message: `No index pattern ${title}: Discover and the dashboards have nothing to show.`,
        remedy: {
          text: `Create the index pattern ${title} with ${TIME_FIELD} as its time field.`,
          fix: { kind: 'create_index_pattern' },
          command: commands.setupIndexPattern(prefix),
        },
      },
    ];
  }
  const a = target.attributes;
  const update = {
    fix: { kind: 'update_index_pattern' as const },
    command: commands.setupIndexPattern(prefix),
  };
  const findings: IndexCheck[] = [
    {
      id: 'index_pattern.exists',
      title: `Index pattern ${title}`,
      status: 'pass',
      evidence: { title: a.title, found: true, id: target.id, createdByPlugin: target.ours },
      message: target.ours
        ? `Index pattern ${a.title} exists (id ${target.id}).`
        : `Index pattern ${a.title} exists (id ${target.id}, created outside the plugin).`,
    },
  ];

  const uncovered = scan.indices
    .filter((ix) => !matchesIndexPattern(ix.name, a.title))
    .map((ix) => ix.name);
  findings.push({
    id: 'index_pattern.title',
    title: 'Index pattern covers the indices',
    status: uncovered.length === 0 ? 'pass' : 'warn',
    evidence: {
      title: a.title,
      uncoveredCount: uncovered.length,
      uncovered: uncovered.slice(0, SAMPLE),
    },
    message:
      uncovered.length === 0
        ? `${a.title} covers all ${scan.indices.length} indices.`
        : `${a.title} leaves out ${uncovered.length} of ${scan.indices.length} indices.`,
    ...(uncovered.length > 0 && {
      remedy: { text: `Set the index pattern's title to ${title}.`, ...update },
    }),
  });

  const timeOk = a.timeFieldName === TIME_FIELD;
  findings.push({
    id: 'index_pattern.time_field',
    title: 'Time field',
    status: timeOk ? 'pass' : a.timeFieldName ? 'warn' : 'fail',
    evidence: { timeFieldName: a.timeFieldName ?? null, expected: TIME_FIELD },
    message: timeOk
      ? `The time field is ${TIME_FIELD}.`
      : a.timeFieldName
        ? `The time field is ${a.timeFieldName}; Pinpoint triggers and Firehose rotation go by ${TIME_FIELD}.`
        : 'The index pattern has no time field: Discover shows no time picker or histogram.',
    ...(!timeOk && { remedy: { text: `Set the time field to ${TIME_FIELD}.`, ...update } }),
  });

  const drift = fieldListDrift(a.fields, scan.fieldTypes);
  const stale = drift.missing.length + drift.changed.length;
  findings.push({
    id: 'index_pattern.fields',
    title: 'Field list',
    status: stale === 0 ? 'pass' : 'warn',
    evidence: {
      stored: drift.stored,
      missingCount: drift.missing.length,
      missing: drift.missing.slice(0, SAMPLE),
      changed: drift.changed.slice(0, SAMPLE),
    },
    message:
      stale === 0
        ? 'The stored field list matches the mappings.'
        : `The stored field list is out of date: ${plural(drift.missing.length, 'field')} missing, ${drift.changed.length} with another type${
            drift.changed.length > 0
              ? ` (${drift.changed
                  .map((c) => `${c.field}: ${c.saved} -> ${c.current}`)
                  .slice(0, 3)
                  .join(', ')})`
              : ''
          }.`,
    ...(stale > 0 && { remedy: { text: 'Refresh the field list.', ...update } }),
  });

  const isDefault = state.defaultIndex === target.id;
  const dangling = state.defaultIndex !== undefined && !state.defaultExists;
  findings.push({
    id: 'index_pattern.default',
    title: 'Default index pattern',
    status: isDefault || (state.defaultIndex !== undefined && !dangling) ? 'pass' : 'warn',
    evidence: {
      defaultIndex: state.defaultIndex ?? null,
      defaultExists: state.defaultExists,
      id: target.id,
    },
    message: isDefault
      ? `${a.title} is the default index pattern.`
      : dangling
        ? `The default index pattern (${state.defaultIndex}) no longer exists.`
        : state.defaultIndex
          ? `Another index pattern (${state.defaultIndex}) is the default.`
          : 'No default index pattern is set: Discover asks for one first.',
    ...(!isDefault && {
      remedy: {
        text: `Make ${a.title} the default index pattern${state.defaultIndex && !dangling ? ' (optional)' : ''}.`,
        fix: { kind: 'make_default' as const },
        command: commands.setupIndexPattern(prefix, true),
      },
    }),
  });
  return findings;
}
