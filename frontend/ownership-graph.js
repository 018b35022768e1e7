// <attest-ownership-graph>: the ownership structure of a case as a graph (Apache ECharts, graph series).
// The server sets the `data` property to JSON: {nodes: [{id, name, kind, beneficial, share, findings}],
// links: [{source, target, percent}]}. Beneficial owners are highlighted, findings are marked on their nodes.
// Names, ids and findings come from users: labels take them as plain text, tooltips (HTML) escaped.
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChartsElement, escapeHtml, plainText } from './echarts-element.js';

echarts.use([GraphChart, TooltipComponent, CanvasRenderer]);

class OwnershipGraph extends EChartsElement {
  static get observedAttributes() {
    return ['data'];
  }

  set data(value) {
    this._data = typeof value === 'string' ? JSON.parse(value || '{}') : value;
    this._draw();
  }

  get data() {
    return this._data;
  }

  attributeChangedCallback(name, oldValue, value) {
    if (name === 'data') {
      this.data = value;
    }
  }

  _render(chart) {
    if (!this._data) {
      return;
    }
    const nodes = (this._data.nodes || []).map((n) => {
      const flagged = n.findings && n.findings.length > 0;
      const colour = n.subject ? '#1a4e8c' : n.beneficial ? '#2e9d4f' : n.kind === 'PERSON' ? '#8fa3b8' : '#c4cdd6';
      return {
        id: n.id,
        name: n.name,
        symbol: n.kind === 'PERSON' ? 'circle' : 'roundRect',
        symbolSize: n.kind === 'PERSON' ? 34 : [Math.max(80, 7 * n.name.length), 30],
        itemStyle: {
          color: colour,
          borderColor: flagged ? '#d6303d' : '#ffffff',
          borderWidth: flagged ? 3 : 1,
        },
        label: {
          show: true,
          position: n.kind === 'PERSON' ? 'bottom' : 'inside',
          formatter: plainText(n.beneficial ? `${n.name}\n${n.share} %` : n.name),
          color: n.kind === 'PERSON' ? '#1f2d3d' : n.subject ? '#ffffff' : '#1f2d3d',
          fontSize: 11,
          lineHeight: 15,
        },
        lines: [n.name, n.kind === 'PERSON' ? 'person' : 'organization',
          n.beneficial ? `beneficial owner: ${n.share} %` : null, ...(n.findings || [])],
      };
    });
    const names = new Map((this._data.nodes || []).map((n) => [n.id, n.name]));
    const links = (this._data.links || []).map((l) => ({
      source: l.source,
      target: l.target,
      label: { show: true, formatter: plainText(`${l.percent} %`), fontSize: 10 },
      lines: [`${names.get(l.source) ?? l.source} → ${names.get(l.target) ?? l.target}: ${l.percent} %`],
      lineStyle: { width: 1 + l.percent / 25, curveness: 0.1 },
    }));
    chart.setOption({
      tooltip: { renderMode: 'html' },
      series: [{
        type: 'graph',
        // one formatter for nodes and links: every line escaped, joined by the only markup, <br>
        tooltip: {
          formatter: (p) => ((p.data && p.data.lines) || [])
            .filter((line) => line !== null && line !== undefined && line !== '').map(escapeHtml).join('<br>'),
        },
        layout: 'force',
        force: { repulsion: 320, edgeLength: 120 },
        roam: true,
        draggable: true,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        data: nodes,
        links,
      }],
    }, true);
    this.setAttribute('rendered', String(nodes.length));
  }
}

customElements.define('attest-ownership-graph', OwnershipGraph);
