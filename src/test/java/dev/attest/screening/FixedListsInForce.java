package dev.attest.screening;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.attest.cases.CountryCode;

/**
 * A few made-up entries in force instead of the stored lists, for the search's API and view tests (they change
 * nothing the other tests of the shared context see: the lists stay as the other tests load them).
 */
@TestConfiguration
public class FixedListsInForce {

    static final List<SanctionsEntry> ENTRIES = List.of(
            new SanctionsEntry(SanctionsList.OFAC_SDN, "36001", EntryType.PERSON, "IVANOV, Sergey Viktorovich",
                    List.of("Sergei IVANOV", "Иванов Сергей Викторович"), List.of("1960-01-01"),
                    Set.of(new CountryCode("RU")), List.of("RUSSIA-EO14024"), "", "fp-36001"),
            new SanctionsEntry(SanctionsList.UN, "QDi.900", EntryType.PERSON, "Muhammad Ali HASSAN",
                    List.of("محمد علي حسن"), List.of("1975"), Set.of(new CountryCode("SY")), List.of("ISIL"), "",
                    "fp-QDi.900"),
            new SanctionsEntry(SanctionsList.EU, "EU.7001.12", EntryType.ORGANISATION, "Rosneft Trading S.A.",
                    List.of("ООО Роснефть Трейдинг"), List.of(), Set.of(new CountryCode("CH")), List.of("UKR"), "",
                    "fp-EU.7001.12"));

    @Bean
    @Primary
    ListsInForce fixedListsInForce() {
        return new ListsInForce() {
            @Override
            public List<SanctionsEntry> entries() {
                return ENTRIES;
            }

            @Override
            public List<SanctionsEntry> entries(SanctionsList list, Collection<String> entryIds) {
                return ENTRIES.stream().filter(e -> e.list() == list && entryIds.contains(e.entryId())).toList();
            }

            @Override
            public long generation() {
                return 1;
            }
        };
    }
}
