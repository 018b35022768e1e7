package dev.attest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.attest.sla.BusinessCalendar;

/** In the whole application there is one clock and one zone, New York unless {@code attest.zone} says otherwise. */
@AttestTest
class OneZoneTests {

    @Autowired ApplicationContext context;
    @Autowired ZoneId zone;
    @Autowired BusinessCalendar calendar;

    @Test
    void theApplicationHasOneClockAndOneZoneNewYorkByDefault() {
        assertThat(context.getBeanNamesForType(Clock.class)).containsExactly("clock");
        assertThat(context.getBeanNamesForType(ZoneId.class)).containsExactly("zone");
        assertThat(zone).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(calendar.zone()).isSameAs(zone);
    }
}
