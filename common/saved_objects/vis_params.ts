/**
 * The `params` of each visualization type we ship, as OSD 2.19's editor writes them. Only the types that
 * render the same on 2.19 (vislib) and 3.x: metric, table, pie, line/histogram, markdown, input controls.
 */

export function metricParams(): Record<string, unknown> {
  return {
    addTooltip: true,
    addLegend: false,
    type: 'metric',
    metric: {
      percentageMode: false,
      useRanges: false,
      colorSchema: 'Green to Red',
      metricColorMode: 'None',
      colorsRange: [{ from: 0, to: 10000 }],
      labels: { show: true },
      invertColors: false,
      style: { bgFill: '#000', bgColor: false, labelColor: false, subText: '', fontSize: 36 },
    },
  };
}

export function tableParams(perPage = 10): Record<string, unknown> {
  return {
    perPage,
    showPartialRows: false,
    showMetricsAtAllLevels: false,
    showTotal: false,
    totalFunc: 'sum',
    percentageCol: '',
  };
}

export function pieParams(): Record<string, unknown> {
  return {
    type: 'pie',
    addTooltip: true,
    addLegend: true,
    legendPosition: 'right',
    isDonut: true,
    labels: { show: true, values: true, last_level: true, truncate: 100 },
  };
}

export interface XyOptions {
  type: 'line' | 'histogram';
  /** The y-axis title, e.g. "Events". */
  valueTitle: string;
  /** The metric agg ids, in order, with the labels their series show. */
  series: Array<{ id: string; label: string }>;
  stacked?: boolean;
}

export function xyParams(options: XyOptions): Record<string, unknown> {
  const mode = options.stacked ? 'stacked' : 'normal';
  return {
    type: options.type,
    grid: { categoryLines: false },
    categoryAxes: [
      {
        id: 'CategoryAxis-1',
        type: 'category',
        position: 'bottom',
        show: true,
        style: {},
        scale: { type: 'linear' },
        labels: { show: true, filter: true, truncate: 100 },
        title: {},
      },
    ],
    valueAxes: [
      {
        id: 'ValueAxis-1',
        name: 'LeftAxis-1',
        type: 'value',
        position: 'left',
        show: true,
        style: {},
        scale: { type: 'linear', mode: 'normal' },
        labels: { show: true, rotate: 0, filter: false, truncate: 100 },
        title: { text: options.valueTitle },
      },
    ],
    seriesParams: options.series.map((s) => ({
      show: true,
      type: options.type,
      mode,
      data: { label: s.label, id: s.id },
      valueAxis: 'ValueAxis-1',
      drawLinesBetweenPoints: true,
      lineWidth: 2,
      interpolate: 'linear',
      showCircles: true,
    })),
    addTooltip: true,
    addLegend: true,
    legendPosition: 'right',
    times: [],
    addTimeMarker: false,
    labels: {},
    thresholdLine: { show: false, value: 10, width: 1, style: 'full', color: '#E7664C' },
  };
}

export function markdownParams(markdown: string): Record<string, unknown> {
  return { fontSize: 12, openLinksInNewTab: false, markdown };
}

export interface ListControl {
  id: string;
  fieldName: string;
  label: string;
  /** The id of the control whose selection narrows this one's options (chained controls). */
  parent?: string;
}

/** Input controls; each control's index pattern is the reference `control_<n>_index_pattern`. */
export function inputControlParams(controls: ListControl[]): Record<string, unknown> {
  return {
    controls: controls.map((c, n) => ({
      id: c.id,
      fieldName: c.fieldName,
      parent: c.parent ?? '',
      label: c.label,
      type: 'list',
      options: { type: 'terms', multiselect: true, dynamicOptions: true, size: 20, order: 'desc' },
      indexPatternRefName: `control_${n}_index_pattern`,
    })),
    updateFiltersOnChange: true,
    useTimeFilter: true,
    pinFilters: false,
  };
}
