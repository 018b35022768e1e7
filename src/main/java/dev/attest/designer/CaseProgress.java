package dev.attest.designer;

import java.util.List;

/**
 * Where one process instance of a case stands.
 *
 * @param processInstanceId the instance
 * @param definition the version it runs on
 * @param activities the activities it waits in, with incidents
 */
public record CaseProgress(String processInstanceId, DeployedModel definition, List<ActivityCount> activities) {
}
