/**
 * The hops left to right as the events travel, each a tab with its number, title, status and one line; all
 * seven fit a 1280 px page (equal columns that shrink, the line ellipsised with the full text as a tooltip).
 * A WAI-ARIA tab list: Tab reaches the selected hop, arrow keys, Home and End move between hops.
 */
import React, { useRef } from 'react';
import { EuiHealth, EuiText } from '@elastic/eui';
import type { HopId, WiringHop } from '../../../../common/wiring_types';
import { STATUS_COLOR, STATUS_LABEL } from '../../../components/checks';
import { hopLine } from '../utils/hop_line';

export interface HopStripProps {
  hops: readonly WiringHop[];
  selected: HopId;
  onSelect(id: HopId): void;
  /** Prefix of the ids tying each tab to the details panel. */
  idPrefix: string;
}

const stripStyle: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
  gap: 16,
};

function tabStyle(active: boolean): React.CSSProperties {
  return {
    position: 'relative',
    minWidth: 0,
    textAlign: 'left',
    padding: '8px 10px',
    border: `1px solid ${active ? '#006BB8' : '#D3DAE6'}`,
    boxShadow: active ? 'inset 0 -3px 0 #006BB8' : undefined,
    borderRadius: 6,
    background: active ? '#F1F4FA' : '#FFFFFF',
    cursor: 'pointer',
  };
}

/** Titles are short: two lines at most, so "Firehose's access to the domain" stays readable in a narrow tab. */
const titleStyle: React.CSSProperties = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  fontWeight: 600,
  lineHeight: '1.3',
};

const ellipsis: React.CSSProperties = {
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
};

/** The arrow in the gap to the next hop: decoration only. */
const arrowStyle: React.CSSProperties = {
  position: 'absolute',
  right: -14,
  top: '50%',
  transform: 'translateY(-50%)',
  color: '#69707D',
  fontSize: 12,
};

export function HopStrip({
  hops,
  selected,
  onSelect,
  idPrefix,
}: HopStripProps): React.ReactElement {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const move = (index: number) => {
    const next = (index + hops.length) % hops.length;
    onSelect(hops[next].id);
    refs.current[next]?.focus();
  };
  const onKeyDown = (event: React.KeyboardEvent, index: number) => {
    const to: Record<string, number | undefined> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: hops.length - 1,
    };
    const target = to[event.key];
    if (target === undefined) return;
    event.preventDefault();
    move(target);
  };
  return (
    <div
      role="tablist"
      aria-label="Pipeline hops, in the order events travel"
      style={stripStyle}
      data-test-subj="pinpointWiringPipeline"
    >
      {hops.map((hop, i) => {
        const active = hop.id === selected;
        const line = hopLine(hop);
        return (
          <button
            key={hop.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${hop.id}`}
            aria-selected={active}
            aria-controls={`${idPrefix}-panel`}
            aria-label={`${i + 1}. ${hop.title}: ${STATUS_LABEL[hop.status]}. ${line}`}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(hop.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
            style={tabStyle(active)}
            data-test-subj="pinpointWiringHop"
            data-hop={hop.id}
            data-status={hop.status}
          >
            <EuiText size="xs">
              <div style={titleStyle} title={hop.title}>
                {i + 1}. {hop.title}
              </div>
            </EuiText>
            <EuiHealth color={STATUS_COLOR[hop.status]}>
              <EuiText size="xs">
                <span>
                  {STATUS_LABEL[hop.status]}
                  {hop.finished ? '' : ' (unfinished)'}
                </span>
              </EuiText>
            </EuiHealth>
            <EuiText size="xs" color="subdued">
              <div style={ellipsis} title={line} data-test-subj="pinpointWiringHopLine">
                {line}
              </div>
            </EuiText>
            {i < hops.length - 1 ? (
              <span aria-hidden="true" style={arrowStyle}>
                ▶
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
