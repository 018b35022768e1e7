// <attest-chart>: one dashboard chart (Apache ECharts: bar, line and pie). The server sets the `option`
// property to an ECharts option as JSON. Data items may carry a `key`; clicking an item dispatches a
// `chart-click` event whose detail holds that key (the dashboard lists the tasks or cases behind it).
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

  _render(chart) {
    if (!this._option) {
      return;
    }
    chart.setOption(this._option, true);
    const series = this._option.series || [];
    const points = series.reduce((n, s) => n + ((s.data && s.data.length) || 0), 0);
    this.setAttribute('rendered', String(points));
  }
}

customElements.define('attest-chart', AttestChart);
