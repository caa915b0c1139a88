/**
 * The campaign page's charts, a lazy chunk of its own: @elastic/charts comes from OSD's shared dependencies
 * (never bundled). Events over time per type on arrival time; opens and clicks by hour of day.
 */
import React from 'react';
import { Axis, BarSeries, Chart, Position, ScaleType, Settings } from '@elastic/charts';
import { EuiFlexGroup, EuiFlexItem, EuiTitle } from '@elastic/eui';
import type { CampaignDetail, HourOfDay } from '../../../../common/campaigns/detail_types';

/**
 * OSD's page carries @elastic/charts' theme CSS; a host that does not would leave every chart 0 px high. These
 * layout rules (copied from charts' theme_only_light.css) are injected once, and are the same rules OSD's have.
 */
const LAYOUT_CSS =
  '.echChartStatus{visibility:hidden;pointer-events:none;z-index:-100000;width:0;height:0;position:absolute}' +
  '.echChartBackground{position:absolute;top:0;bottom:0;left:0;right:0}' +
  '.echChart{position:relative;display:flex;height:100%}.echContainer{flex:1;position:relative}' +
  '.echChartPointerContainer{position:absolute;top:0;bottom:0;right:0;left:0;box-sizing:border-box;user-select:none}' +
  '.echChartResizer{z-index:-10000000;position:absolute;bottom:0;top:0;left:0;right:0;box-sizing:border-box}' +
  '.echCanvasRenderer{position:absolute;top:0;left:0;padding:0;margin:0;border:0;background:transparent}';

function injectLayoutCss(): void {
  if (typeof document === 'undefined' || document.getElementById('pinpoint-echarts-layout')) return;
  const style = document.createElement('style');
  style.id = 'pinpoint-echarts-layout';
  style.textContent = LAYOUT_CSS;
  document.head.appendChild(style);
}
injectLayoutCss();

function HourChart(props: { hours: HourOfDay; id: string }): React.ReactElement {
  const data = props.hours.opens.flatMap((opens, hour) => [
    { hour, type: 'opens', n: opens },
    { hour, type: 'clicks', n: props.hours.clicks[hour] },
  ]);
  return (
    <figure
      aria-label={`Opens and clicks by hour of day, ${props.hours.timeZone}`}
      style={{ margin: 0 }}
    >
      <EuiTitle size="xxs">
        <h4>Opens and clicks by hour of day ({props.hours.timeZone})</h4>
      </EuiTitle>
      <div style={{ height: 200 }} data-test-subj={props.id}>
        <Chart>
          <Settings showLegend legendPosition={Position.Bottom} />
          <BarSeries
            id={`${props.id}-series`}
            xScaleType={ScaleType.Linear}
            yScaleType={ScaleType.Linear}
            xAccessor="hour"
            yAccessors={['n']}
            splitSeriesAccessors={['type']}
            data={data}
          />
          <Axis id="x" position={Position.Bottom} title="hour" />
          <Axis id="y" position={Position.Left} />
        </Chart>
      </div>
    </figure>
  );
}

/** The timeline's buckets are UTC (its title says so): ticks read "03-10 14:00", not epoch milliseconds. */
function utcTick(value: number): string {
  return new Date(value).toISOString().slice(5, 16).replace('T', ' ');
}

export default function CampaignCharts(props: { detail: CampaignDetail }): React.ReactElement {
  const timeline = props.detail.timeline.buckets.flatMap((b) =>
    Object.entries(b.counts).map(([type, n]) => ({ t: b.t, type, n }))
  );
  return (
    <>
      <figure aria-label="Events over time by type" style={{ margin: 0 }}>
        <EuiTitle size="xxs">
          <h4>Events over time (arrival time, UTC)</h4>
        </EuiTitle>
        <div style={{ height: 240 }} data-test-subj="pinpointTimelineChart">
          <Chart>
            <Settings showLegend legendPosition={Position.Right} />
            <BarSeries
              id="timeline"
              xScaleType={ScaleType.Time}
              yScaleType={ScaleType.Linear}
              xAccessor="t"
              yAccessors={['n']}
              splitSeriesAccessors={['type']}
              stackAccessors={['t']}
              data={timeline}
            />
            <Axis id="x" position={Position.Bottom} tickFormat={utcTick} />
            <Axis id="y" position={Position.Left} />
          </Chart>
        </div>
      </figure>
      <EuiFlexGroup>
        <EuiFlexItem>
          <HourChart hours={props.detail.hours.utc} id="pinpointHoursUtc" />
        </EuiFlexItem>
        {props.detail.hours.local && (
          <EuiFlexItem>
            <HourChart hours={props.detail.hours.local} id="pinpointHoursLocal" />
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
    </>
  );
}
