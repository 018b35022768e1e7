// <attest-bpmn-editor>: a BPMN diagram in bpmn-js, either as a modeler with the Camunda 7 properties panel
// (task types, candidate groups, delegate expressions, timers, forms) or as a read-only viewer that highlights
// where cases stand. The server drives it through these methods:
//   importXml(xml)          shows a diagram (mode set by the `mode` attribute: "modeler" or "viewer")
//   saveXml()               resolves to the current XML (used before validate/deploy; from model-element.js)
//   showProblems(json)      marks elements with errors: [{elementId, message}]
//   showCounts(json)        viewer: badges per activity: {activityId: {instances, incidents}}
// Edits are reported, debounced, as the `attest-changed` event with detail.xml, so drafts are saved as you go.
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { AttestModelElement } from './model-element.js';

// The properties panel offers only what the deployment guard accepts: no field injections (they configure Java
// classes and connectors), connectors, external tasks, scripts or external tasks' error definitions. Runs after
// the Camunda provider (lower priority) and drops its groups for those.
const REFUSED_GROUPS = new Set(['CamundaPlatform__FieldInjection', 'CamundaPlatform__ConnectorInput',
  'CamundaPlatform__ConnectorOutput', 'CamundaPlatform__ExternalTask', 'CamundaPlatform__Script',
  'CamundaPlatform__Errors']);

class OfferedByTheGuard {
  constructor(propertiesPanel) {
    propertiesPanel.registerProvider(100, this);
  }

  getGroups() {
    return (groups) => groups.filter((group) => !REFUSED_GROUPS.has(group.id));
  }
}
OfferedByTheGuard.$inject = ['propertiesPanel'];
const OfferedByTheGuardModule = { __init__: ['offeredByTheGuard'], offeredByTheGuard: ['type', OfferedByTheGuard] };

class AttestBpmnEditor extends AttestModelElement {
  connectedCallback() {
    if (this._ready) {
      return;
    }
    this._ready = true;
    const modeler = this.getAttribute('mode') !== 'viewer';
    this.innerHTML = '';
    this.style.display = 'flex';
    this._canvas = document.createElement('div');
    this._canvas.className = 'attest-bpmn-canvas';
    this._canvas.style.cssText = 'flex:1 1 auto;min-width:0;height:100%;background:#fff';
    this.appendChild(this._canvas);
    if (modeler) {
      this._panel = document.createElement('div');
      this._panel.className = 'attest-bpmn-properties';
      this._panel.style.cssText = 'flex:0 0 320px;height:100%;overflow:auto;border-left:1px solid #ddd';
      this.appendChild(this._panel);
      this._model = new Modeler({
        container: this._canvas,
        propertiesPanel: { parent: this._panel },
        additionalModules: [
          BpmnPropertiesPanelModule,
          BpmnPropertiesProviderModule,
          CamundaPlatformPropertiesProviderModule,
          CamundaBehaviorsModule,
          OfferedByTheGuardModule,
        ],
        moddleExtensions: { camunda: camundaModdle },
      });
      this._model.on('commandStack.changed', () => this._changed());
    } else {
      this._model = new NavigatedViewer({ container: this._canvas, moddleExtensions: { camunda: camundaModdle } });
    }
    this._problems = [];
    this._counts = [];
    this._importPending();
  }

  async _import(xml) {
    await this._model.importXML(xml);
    this._model.get('canvas').zoom('fit-viewport', 'auto');
    if (this._pendingCounts) {
      const counts = this._pendingCounts;
      this._pendingCounts = undefined;
      this.showCounts(counts);
    }
  }

  _has(id) {
    return !!this._model.get('elementRegistry').get(id);
  }

  showProblems(json) {
    const canvas = this._model.get('canvas');
    const overlays = this._model.get('overlays');
    this._problems.forEach((id) => canvas.removeMarker(id, 'attest-problem'));
    overlays.remove({ type: 'attest-problem' });
    this._problems = [];
    for (const p of JSON.parse(json || '[]')) {
      if (!p.elementId || !this._has(p.elementId)) {
        continue;
      }
      canvas.addMarker(p.elementId, 'attest-problem');
      this._problems.push(p.elementId);
      const badge = document.createElement('div');
      badge.className = 'attest-problem-badge';
      badge.textContent = '!';
      badge.title = p.message;
      overlays.add(p.elementId, 'attest-problem', { position: { top: -10, right: 10 }, html: badge });
    }
  }

  showCounts(json) {
    if (!this._model || !this._model.getDefinitions()) {
      this._pendingCounts = json;
      return;
    }
    const canvas = this._model.get('canvas');
    const overlays = this._model.get('overlays');
    this._counts.forEach((id) => canvas.removeMarker(id, 'attest-active'));
    overlays.remove({ type: 'attest-count' });
    this._counts = [];
    const counts = JSON.parse(json || '{}');
    for (const [id, c] of Object.entries(counts)) {
      if (!this._has(id)) {
        continue;
      }
      canvas.addMarker(id, 'attest-active');
      this._counts.push(id);
      const badge = document.createElement('div');
      badge.className = 'attest-count-badge';
      badge.textContent = String(c.instances);
      badge.title = `${c.instances} waiting here`;
      overlays.add(id, 'attest-count', { position: { bottom: 10, left: -8 }, html: badge });
      if (c.incidents > 0) {
        const inc = document.createElement('div');
        inc.className = 'attest-incident-badge';
        inc.textContent = String(c.incidents);
        inc.title = `${c.incidents} incident(s)`;
        overlays.add(id, 'attest-count', { position: { bottom: 10, right: 10 }, html: inc });
      }
    }
  }
}

customElements.define('attest-bpmn-editor', AttestBpmnEditor);
