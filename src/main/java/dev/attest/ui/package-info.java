/**
 * UI: the main layout, navigation and shared components of Attest's Vaadin web UI.
 */
package dev.attest.ui;
