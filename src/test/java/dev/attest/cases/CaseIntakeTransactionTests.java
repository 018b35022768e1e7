package dev.attest.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.audit.AuditTrail;
import dev.attest.cases.internal.CaseFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.operations.BusinessMetrics;

/** Storing the case and starting its process commit or roll back together. */
@AttestTest
class CaseIntakeTransactionTests {

    @Autowired BusinessMetrics metrics;
    @Autowired CaseFiles caseFiles;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;
    @Autowired AuditTrail audit;

    @Test
    void whenTheProcessCannotStartNoCaseIsStored() {
        CaseWorkflow failing = new CaseWorkflow() {
            @Override
            public String start(CaseFile caseFile) {
                throw new IllegalStateException("engine unavailable");
            }

            @Override
            public List<OpenTask> openTasks(String caseReference) {
                return List.of();
            }

            @Override
            public List<TimelineEntry> timeline(String processInstanceId) {
                return List.of();
            }
        };
        CaseIntake intake = new CaseIntake(caseFiles, failing, clock, metrics, audit);
        long before = caseFiles.count();
        var request = new ObjectMapper().convertValue(CaseRequests.valid(),
                CaseIntakeRequest.class);

        assertThatThrownBy(() -> RunAs.user("intake", () -> transactions.execute(tx -> intake.open(request)),
                Role.INTAKE)).hasMessage("engine unavailable");

        assertThat(caseFiles.count()).isEqualTo(before);
    }
}
