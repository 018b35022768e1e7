/**
 * Designer: BPMN and DMN edited in the browser, checked by the deployment guard and the engine's own parser,
 * deployed as new versions with an audit record, running cases migrated between versions, and where cases stand.
 * The guard ({@link dev.attest.designer.DeploymentGuard}) also checks every deployment made any other way.
 */
package dev.attest.designer;
