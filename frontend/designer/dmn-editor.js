// <attest-dmn-editor>: a DMN decision (requirements diagram, decision tables, literal expressions) in dmn-js.
//   importXml(xml)   shows the decisions; opens the first decision table if there is one
//   saveXml()        resolves to the current XML
// Edits in any view are reported, debounced, as the `attest-changed` event with detail.xml.
import DmnModeler from 'dmn-js/lib/Modeler';

class AttestDmnEditor extends HTMLElement {
  connectedCallback() {
    if (this._dmn) {
      return;
    }
    this.innerHTML = '';
    this.style.display = 'block';
    const container = document.createElement('div');
    container.style.cssText = 'width:100%;height:100%;overflow:auto;background:#fff';
    this.appendChild(container);
    this._dmn = new DmnModeler({ container });
    this._dmn.on('views.changed', () => this._listen());
    if (this._pendingXml !== undefined) {
      const xml = this._pendingXml;
      this._pendingXml = undefined;
      this.importXml(xml);
    }
  }

  _listen() {
    const viewer = this._dmn.getActiveViewer();
    if (!viewer || viewer._attestListening) {
      return;
    }
    viewer._attestListening = true;
    viewer.get('eventBus').on('commandStack.changed', () => this._changed());
  }

  async importXml(xml) {
    if (!this._dmn) {
      this._pendingXml = xml;
      return;
    }
    try {
      await this._dmn.importXML(xml);
      const table = this._dmn.getViews().find((v) => v.type === 'decisionTable');
      if (table) {
        await this._dmn.open(table);
      }
      this._listen();
      this.dispatchEvent(new CustomEvent('attest-imported', { detail: { error: '', warnings: 0 } }));
    } catch (e) {
      this.dispatchEvent(new CustomEvent('attest-imported', { detail: { error: String(e.message || e), warnings: 0 } }));
    }
  }

  async saveXml() {
    const { xml } = await this._dmn.saveXML({ format: true });
    return xml;
  }

  _changed() {
    clearTimeout(this._timer);
    this._timer = setTimeout(async () => {
      const xml = await this.saveXml();
      this.dispatchEvent(new CustomEvent('attest-changed', { detail: { xml } }));
    }, 800);
  }
}

customElements.define('attest-dmn-editor', AttestDmnEditor);
