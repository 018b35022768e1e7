package dev.attest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import dev.attest.api.ApiSettings;
import dev.attest.cases.RetentionSettings;
import dev.attest.documents.DocumentSettings;
import dev.attest.documents.UploadReadingSettings;
import dev.attest.documents.reading.OcrSettings;
import dev.attest.documents.reading.ReadingSettings;
import dev.attest.export.ExportSettings;
import dev.attest.notifications.DigestSettings;
import dev.attest.ownership.OwnershipSettings;
import dev.attest.recovery.RecoverySettings;
import dev.attest.screening.MatchingSettings;
import dev.attest.screening.ScreeningSettings;
import dev.attest.sla.BusinessDaySettings;
import dev.attest.worklist.AssignmentSettings;
import dev.attest.worklist.WorklistSettings;

/**
 * Attest's settings are typed records, one per module, checked when the application starts: a bad value stops
 * start-up with a message naming the property, never a failure later in a user's request. No class reads an
 * {@code attest.*} property on its own with {@code @Value}, so every setting has one default and one check.
 */
class SettingsValidationTests {

    @Configuration
    @EnableConfigurationProperties({AttestSettings.class, ApiSettings.class, RetentionSettings.class,
            DocumentSettings.class, OcrSettings.class, OwnershipSettings.class, RecoverySettings.class,
            BusinessDaySettings.class, ReadingSettings.class, AssignmentSettings.class, MatchingSettings.class,
            ScreeningSettings.class, ExportSettings.class, WorklistSettings.class, DigestSettings.class,
            UploadReadingSettings.class})
    static class AllSettings {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(AllSettings.class);

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("attest.data-dir= ", "attest.data-dir"),
                Arguments.of("attest.api.max-json-size=10B", "attest.api.max-json-size"),
                Arguments.of("attest.retention.years=0", "attest.retention.years"),
                Arguments.of("attest.documents.encryption-key=c2hvcnQ=", "attest.documents.encryption-key"),
                Arguments.of("attest.documents.encryption-key=not base64!", "attest.documents.encryption-key"),
                Arguments.of("attest.documents.max-rounds=0", "attest.documents.max-rounds"),
                Arguments.of("attest.documents.max-zip-ratio=-1", "attest.documents.max-zip-ratio"),
                Arguments.of("attest.documents.upload-reading.wait-at-most=0s",
                        "attest.documents.upload-reading.wait-at-most"),
                Arguments.of("attest.documents.upload-reading.wait-at-most=2h",
                        "attest.documents.upload-reading.wait-at-most"),
                Arguments.of("attest.documents.upload-reading.readers=0", "attest.documents.upload-reading.readers"),
                Arguments.of("attest.reading.max-pages=0", "attest.reading.max-pages"),
                Arguments.of("attest.reading.dpi=1200", "attest.reading.dpi"),
                Arguments.of("attest.reading.page-timeout=0s", "attest.reading.page-timeout"),
                Arguments.of("attest.reading.total-timeout=1s", "attest.reading.total-timeout"),
                Arguments.of("attest.documents.ocr.engines=0", "attest.documents.ocr.engines"),
                Arguments.of("attest.documents.ocr.page-time-limit=1ms", "attest.documents.ocr.page-time-limit"),
                Arguments.of("attest.documents.ocr.max-pixels=100", "attest.documents.ocr.max-pixels"),
                Arguments.of("attest.ownership.threshold=0", "attest.ownership.threshold"),
                Arguments.of("attest.ownership.threshold=101", "attest.ownership.threshold"),
                Arguments.of("attest.recovery.max-submissions=0", "attest.recovery.max-submissions"),
                Arguments.of("attest.recovery.decision-wait-business-days=0",
                        "attest.recovery.decision-wait-business-days"),
                Arguments.of("attest.recovery.recovery-urls.[amazon.com]=javascript:alert(1)",
                        "attest.recovery.recovery-urls.amazon.com"),
                Arguments.of("attest.sla.holidays=2026-12-24,24/12/2026", "attest.sla.holidays"),
                Arguments.of("attest.assignment.automatic.task-keys=Task_ReviewDocument,not a key!",
                        "attest.assignment.automatic.task-keys"),
                Arguments.of("attest.screening.threshold=0.4", "attest.screening.threshold"),
                Arguments.of("attest.screening.threshold=1.01", "attest.screening.threshold"),
                Arguments.of("attest.screening.max-hits=0", "attest.screening.max-hits"),
                Arguments.of("attest.screening.nightly-cron=at night", "attest.screening.nightly-cron"),
                Arguments.of("attest.screening.max-entries=0", "attest.screening.max-entries"),
                Arguments.of("attest.screening.sources[0].path=/srv/lists/un.xml", "attest.screening.sources"),
                Arguments.of("attest.screening.sources[0].format=UN_XML", "attest.screening.sources"),
                Arguments.of("attest.export.max-rows=0", "attest.export.max-rows"),
                Arguments.of("attest.worklist.filter-count-cap=0", "attest.worklist.filter-count-cap"),
                Arguments.of("attest.worklist.max-saved-filters=0", "attest.worklist.max-saved-filters"),
                Arguments.of("attest.notifications.digest.time=7.30", "attest.notifications.digest.time"),
                Arguments.of("attest.notifications.digest.time=25:00", "attest.notifications.digest.time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueStopsStartUpNamingTheProperty(String setting, String property) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(AttestSettingsTests.messages(context.getStartupFailure())).contains(property);
        });
    }

    @Test
    void withoutSettingsEveryDefaultHolds() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AttestSettings.class).demoMode()).isFalse();
            assertThat(context.getBean(DocumentSettings.class).maxSize().toMegabytes()).isEqualTo(10);
            assertThat(context.getBean(DocumentSettings.class).maxRounds()).isEqualTo(3);
            assertThat(context.getBean(OwnershipSettings.class).threshold()).isEqualTo(25);
            assertThat(context.getBean(RetentionSettings.class).years()).isEqualTo(5);
            assertThat(context.getBean(RecoverySettings.class).recoveryUrls()).isEmpty();
            assertThat(context.getBean(BusinessDaySettings.class).federalHolidays()).isTrue();
            assertThat(context.getBean(ReadingSettings.class)).isEqualTo(ReadingSettings.defaults());
            assertThat(context.getBean(AssignmentSettings.class).automatic().taskKeys()).isEmpty();
            assertThat(context.getBean(MatchingSettings.class).threshold()).isEqualTo(0.88);
            assertThat(context.getBean(MatchingSettings.class).maxHits()).isEqualTo(50);
            assertThat(context.getBean(ScreeningSettings.class).maxFileSize().toMegabytes()).isEqualTo(200);
            assertThat(context.getBean(ScreeningSettings.class).sources()).isEmpty();
            assertThat(context.getBean(ExportSettings.class).maxRows()).isEqualTo(10_000);
            assertThat(context.getBean(WorklistSettings.class).filterCountCap()).isEqualTo(1000);
            assertThat(context.getBean(DigestSettings.class).enabled()).isFalse();
            assertThat(context.getBean(DigestSettings.class).at()).isEqualTo(java.time.LocalTime.of(7, 30));
        });
    }

    @Test
    void automaticAssignmentIsOptInPerTaskType() {
        runner.withPropertyValues("attest.assignment.automatic.task-keys=").run(context -> assertThat(
                context.getBean(AssignmentSettings.class).automatic().taskKeys()).isEmpty());
        runner.withPropertyValues("attest.assignment.automatic.task-keys=Task_ReviewDocument, Task_SeniorReview")
                .run(context -> {
                    AssignmentSettings settings = context.getBean(AssignmentSettings.class);
                    assertThat(settings.automatic("Task_ReviewDocument")).isTrue();
                    assertThat(settings.automatic("Task_SeniorReview")).isTrue();
                    assertThat(settings.automatic("Task_ApproveOwners")).isFalse();
                });
    }

    @Test
    void marketplaceAddressesWithDotsInTheirNamesBind() {
        runner.withPropertyValues("attest.recovery.recovery-urls.[amazon.com]=https://www.amazon.com/a/recover/upload")
                .run(context -> assertThat(context.getBean(RecoverySettings.class).recoveryUrls())
                        .isEqualTo(Map.of("amazon.com", "https://www.amazon.com/a/recover/upload")));
    }

    @Test
    void theDocumentKeyIsNeverPrinted() {
        String key = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
        runner.withPropertyValues("attest.documents.encryption-key=" + key).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DocumentSettings.class).toString()).doesNotContain(key).contains("(set)");
        });
    }

    @Test
    void noClassReadsAnAttestPropertyOnItsOwn() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.attest");
        noMembers().should(readAnAttestPropertyWithValue())
                .because("attest.* settings are read through their module's settings record (one default, one check)")
                .check(classes);
    }

    static ArchCondition<JavaMember> readAnAttestPropertyWithValue() {
        return new ArchCondition<>("read an attest.* property with @Value") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                boolean reads = attest(member.tryGetAnnotationOfType(Value.class).map(Value::value).orElse(null));
                if (member instanceof JavaCodeUnit unit) {
                    for (JavaParameter parameter : unit.getParameters()) {
                        reads |= attest(parameter.tryGetAnnotationOfType(Value.class).map(Value::value).orElse(null));
                    }
                }
                if (reads) {
                    events.add(SimpleConditionEvent.satisfied(member, member.getFullName() + " reads an attest.* "
                            + "property with @Value"));
                }
            }
        };
    }

    static boolean attest(String expression) {
        return expression != null && expression.replace(" ", "").contains("${attest.");
    }
}
