// The lifecycle both chart web components share: an Apache ECharts instance created when the element is
// attached, resized with it, disposed when it is detached. Subclasses implement _render(chart).
// Text from users (party names and ids, user names, labels) is data, never markup: escapeHtml() turns it into
// text for the one place ECharts writes HTML (tooltips in 'html' mode), and plainText() keeps it from being read
// as an ECharts template ({a}, {b}, ...) in labels drawn on the canvas.
import * as echarts from 'echarts/core';

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Any value as HTML text: the characters that start markup, entities or attributes escaped. */
export function escapeHtml(value) {
  return String(value === null || value === undefined ? '' : value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * A label's text as a formatter function: ECharts fills templates ({a}, {b}, {c}, ...) only in string formatters,
 * and reads rich-text styles ({style|text}) only where the label defines them, so the text is drawn as it is.
 */
export function plainText(value) {
  const text = String(value === null || value === undefined ? '' : value);
  return () => text;
}

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
