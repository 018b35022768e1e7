// The base of <attest-bpmn-editor> and <attest-dmn-editor>: a custom element (light DOM) around a bpmn-io
// modeler kept in this._model. It saves the XML on request and reports edits, debounced, as `attest-changed`
// (detail.xml) and the outcome of an import as `attest-imported` (detail.error, '' when it worked).
export class AttestModelElement extends HTMLElement {
  async saveXml() {
    const { xml } = await this._model.saveXML({ format: true });
    return xml;
  }

  _changed() {
    clearTimeout(this._timer);
    this._timer = setTimeout(async () => {
      const xml = await this.saveXml();
      this.dispatchEvent(new CustomEvent('attest-changed', { detail: { xml } }));
    }, 800);
  }

  _imported(error) {
    this.dispatchEvent(new CustomEvent('attest-imported', { detail: { error: error ? String(error.message || error) : '' } }));
  }

  /** Imports now when the modeler exists, else once it is created (connectedCallback calls _importPending). */
  async importXml(xml) {
    if (!this._model) {
      this._pendingXml = xml;
      return;
    }
    try {
      await this._import(xml);
      this._imported('');
    } catch (e) {
      this._imported(e);
    }
  }

  _importPending() {
    if (this._pendingXml !== undefined) {
      const xml = this._pendingXml;
      this._pendingXml = undefined;
      this.importXml(xml);
    }
  }
}
