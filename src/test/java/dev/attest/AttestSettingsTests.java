package dev.attest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.attest.sla.BusinessCalendar;

/**
 * One time zone ({@code attest.zone}) for all of Attest: a bad zone stops start-up naming the property and the
 * value, and services get the configured zone. Runs {@link TimeConfiguration} alone, without the application.
 */
class AttestSettingsTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(TimeConfiguration.class, BusinessCalendar.class);

    @Test
    void anUnknownZoneStopsStartUpNamingThePropertyAndTheValue() {
        runner.withPropertyValues("attest.zone=Mars/Olympus_Mons").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains("attest.zone")
                    .contains("Mars/Olympus_Mons")
                    .contains("is no known time zone");
        });
    }

    @Test
    void anOffsetTheNightlySchedulesCannotReadStopsStartUpNamingTheProperty() {
        for (String zone : new String[] {"+02:00", "UTC+02:00"}) {
            runner.withPropertyValues("attest.zone=" + zone).run(context -> {
                assertThat(context).as(zone).hasFailed();
                assertThat(messages(context.getStartupFailure())).as(zone).contains("attest.zone", "GMT+02:00");
            });
        }
        runner.withPropertyValues("attest.zone=GMT+02:00").run(context -> assertThat(context.getBean(ZoneId.class))
                .isEqualTo(ZoneId.of("GMT+02:00")));
    }

    @Test
    void aBlankZoneStopsStartUp() {
        runner.withPropertyValues("attest.zone= ").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("attest.zone must name a time zone");
        });
    }

    @Test
    void withoutTheSettingTheZoneIsNewYork() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ZoneId.class)).isEqualTo(ZoneId.of("America/New_York"));
        });
    }

    @Test
    void servicesGetTheConfiguredZone() {
        runner.withPropertyValues("attest.zone=Europe/Berlin").run(context -> {
            assertThat(context.getBean(ZoneId.class)).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(context.getBean(BusinessCalendar.class).zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        });
    }

    /** The messages of a failure and all its causes, one per line. */
    static String messages(Throwable failure) {
        var text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
