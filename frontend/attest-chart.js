// <attest-chart>: one dashboard chart (Apache ECharts: bar, line and pie). The server sets the `option`
// property to an ECharts option as JSON. Data items may carry a `key`; clicking an item dispatches a
// `chart-click` event whose detail holds that key (the dashboard lists the tasks or cases behind it).
// Names in the data (users, case types, stages) are text: every tooltip is drawn on the canvas ('richText'), the
// only part of a chart ECharts would otherwise write as HTML, whatever formatter the option carries.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChartsElement } from './echarts-element.js';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent,
  CanvasRenderer]);

class AttestChart extends EChartsElement {
  _chartCreated(chart) {
    chart.on('click', (params) => {
      const key = params.data && params.data.key !== undefined ? params.data.key : params.name;
      this.dispatchEvent(new CustomEvent('chart-click', { detail: { key: String(key) } }));
    });
  }

  set option(value) {
    this._option = typeof value === 'string' ? JSON.parse(value || '{}') : value;
    this._draw();
  }

  get option() {
    return this._option;
  }

  /** The option with every tooltip rendered as text on the canvas instead of HTML. */
  static asText(option) {
    const text = (tooltip) => ({ ...(tooltip || {}), renderMode: 'richText' });
    if (option.tooltip === undefined || option.tooltip === null) {
      return option; // no tooltip component: no tooltip at all
    }
    const tooltip = Array.isArray(option.tooltip) ? option.tooltip.map(text) : text(option.tooltip);
    return { ...option, tooltip };
  }

  _render(chart) {
    if (!this._option) {
      return;
    }
    chart.setOption(AttestChart.asText(this._option), true);
    const series = this._option.series || [];
    const points = series.reduce((n, s) => n + ((s.data && s.data.length) || 0), 0);
    this.setAttribute('rendered', String(points));
  }
}

customElements.define('attest-chart', AttestChart);
