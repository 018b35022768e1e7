// The lifecycle both chart web components share: an Apache ECharts instance created when the element is
// attached, resized with it, disposed when it is detached. Subclasses implement _render(chart).
import * as echarts from 'echarts/core';

export class EChartsElement extends HTMLElement {
  connectedCallback() {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'canvas' });
      this._chartCreated(this._chart);
      this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
      this._resize.observe(this);
    }
    this._draw();
  }

  disconnectedCallback() {
    if (this._resize) {
      this._resize.disconnect();
    }
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  /** Called once per chart instance (to add event handlers). */
  _chartCreated(chart) {}

  _draw() {
    if (this._chart) {
      this._render(this._chart);
    }
  }
}
