// <attest-dmn-editor>: a DMN decision (requirements diagram, decision tables, literal expressions) in dmn-js.
//   importXml(xml)   shows the decisions; opens the first decision table if there is one
//   saveXml()        resolves to the current XML
// Edits in any view are reported, debounced, as the `attest-changed` event with detail.xml.
import DmnModeler from 'dmn-js/lib/Modeler';
import { AttestModelElement } from './model-element.js';

class AttestDmnEditor extends AttestModelElement {
  connectedCallback() {
    if (this._model) {
      return;
    }
    this.innerHTML = '';
    this.style.display = 'block';
    const container = document.createElement('div');
    container.style.cssText = 'width:100%;height:100%;overflow:auto;background:#fff';
    this.appendChild(container);
    this._model = new DmnModeler({ container });
    this._model.on('views.changed', () => this._listen());
    this._importPending();
  }

  _listen() {
    const viewer = this._model.getActiveViewer();
    if (!viewer || viewer._attestListening) {
      return;
    }
    viewer._attestListening = true;
    viewer.get('eventBus').on('commandStack.changed', () => this._changed());
  }

  async _import(xml) {
    await this._model.importXML(xml);
    const table = this._model.getViews().find((v) => v.type === 'decisionTable');
    if (table) {
      await this._model.open(table);
    }
    this._listen();
  }
}

customElements.define('attest-dmn-editor', AttestDmnEditor);
