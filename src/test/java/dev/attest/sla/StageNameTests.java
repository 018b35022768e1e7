package dev.attest.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The dashboard's bar for a step counts all its open tasks, so its name is the step's, not one task's: review tasks
 * are named by what they are about ("Review passport (round 2)"), and the bar must not read "Review driver's license"
 * for all of them.
 */
class StageNameTests {

    @Test
    void tasksThatShareANameGiveTheStepTheirName() {
        assertThat(OpenTaskFigures.stageName("Task_FollowUpClient", "Follow up with the client",
                "Follow up with the client")).isEqualTo("Follow up with the client");
    }

    @Test
    void tasksNamedByWhatTheyAreAboutGiveTheStepItsIdInWords() {
        assertThat(OpenTaskFigures.stageName("Task_ReviewDocument", "Review driver's license",
                "Review passport (round 2)")).isEqualTo("Review document");
        assertThat(OpenTaskFigures.stageName("UserTask_Check_ID", "Check A", "Check B"))
                .isEqualTo("User task check id");
    }

    @Test
    void aStepWithoutANameKeepsNone() {
        assertThat(OpenTaskFigures.stageName("Task_ReviewDocument", null, null)).isNull();
    }
}
