package dev.attest.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.attest.AttestTest;
import dev.attest.audit.AuditTrail;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.validation.InvalidInputException;

/**
 * Loading list versions: each load a version with its counts, the delta against the list's previous version, the
 * audit record and the event; the same file again is "unchanged"; a refused file leaves the version in force; the
 * lists in force follow the newest versions.
 */
@AttestTest
@RecordApplicationEvents
public class SanctionsListsTests {

    @Autowired SanctionsLists lists;
    @Autowired ListsInForce inForce;
    @Autowired AuditTrail audit;
    @Autowired ApplicationEvents events;

    public static ListVersion load(SanctionsLists lists, ListFormat format, List<SampleLists.Sample> samples) {
        Map<String, byte[]> files = SampleLists.files(format, samples);
        ListFile aliases = files.containsKey("aliases") ? ListFile.of("alt.csv", files.get("aliases")) : null;
        ListVersion loaded = RunAs.user("admin", () -> lists.load(format, ListFile.of(SampleLists.fileName(format),
                files.get("file")), aliases), Role.ADMIN);
        return awaitRescreened(lists, loaded);
    }

    /** The version once the open cases were screened against it (that runs in the background after the loading). */
    public static ListVersion awaitRescreened(SanctionsLists lists, ListVersion loaded) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> RunAs.user("admin", () -> lists.versions(),
                Role.ADMIN).stream().filter(v -> v.id() == loaded.id()).findFirst().orElseThrow(),
                v -> v.rescreenedAt() != null);
    }

    /** Loads a version no test loaded before, so that the next load of fixed samples is never "unchanged". */
    public static ListVersion loadSomethingElse(SanctionsLists lists, ListFormat format) {
        return load(lists, format, randomised());
    }

    @ParameterizedTest
    @EnumSource(ListFormat.class)
    void aNewVersionCountsWhatWasAddedRemovedAndChangedSinceThePreviousOne(ListFormat format) {
        loadSomethingElse(lists, format);
        ListVersion first = load(lists, format, SampleLists.first());
        events.clear();

        ListVersion second = load(lists, format, SampleLists.second());

        assertThat(second.number()).isEqualTo(first.number() + 1);
        assertThat(second.list()).isEqualTo(format.list());
        assertThat(second.format()).isEqualTo(format);
        assertThat(second.entries()).isEqualTo(3);
        assertThat(second.added()).as("Petrova").isEqualTo(1);
        assertThat(second.removed()).as("Aerocaribbean").isEqualTo(1);
        assertThat(second.changed()).as("al-Tikriti's new alias").isEqualTo(1);
        assertThat(second.loadedBy()).isEqualTo("admin");
        assertThat(second.sha256()).hasSize(64).isNotEqualTo(first.sha256());
        assertThat(second.inForce()).isTrue();

        List<ListVersionLoaded> loaded = events.stream(ListVersionLoaded.class).toList();
        assertThat(loaded).hasSize(1);
        assertThat(loaded.get(0).versionId()).isEqualTo(second.id());
        assertThat(loaded.get(0).addedOrChanged()).hasSize(2).allMatch(id -> id.contains("1002") || id.contains("1004"));
        assertThat(loaded.get(0).removed()).singleElement().asString().contains("1003");

        List<AuditTrail.Record> records = RunAs.user("admin", () -> audit.about(format.list().name() + " version "
                + second.number()), Role.ADMIN);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(AuditTrail.Action.SANCTIONS_LIST_LOADED);
            assertThat(r.who()).isEqualTo("admin");
            assertThat(r.reason()).contains("3 entries, 1 added, 1 removed, 1 changed");
        });

        List<ListVersion> versions = RunAs.user("analyst", () -> lists.versions(), Role.ANALYST);
        assertThat(versions).filteredOn(v -> v.list() == format.list() && v.inForce()).singleElement()
                .extracting(ListVersion::id).isEqualTo(second.id());
        assertThat(versions).filteredOn(v -> v.id() == first.id()).singleElement()
                .satisfies(v -> assertThat(v.inForce()).isFalse());
    }

    @Test
    void theFileInForceLoadedAgainIsUnchangedAndLoadsNothing() {
        loadSomethingElse(lists, ListFormat.EU_XML);
        load(lists, ListFormat.EU_XML, SampleLists.first());
        int before = lists(ListFormat.EU_XML).size();

        assertThatThrownBy(() -> load(lists, ListFormat.EU_XML, SampleLists.first()))
                .isInstanceOf(ListUnchangedException.class).hasMessageContaining("already in force");

        assertThat(lists(ListFormat.EU_XML)).hasSize(before);
    }

    @Test
    void aRefusedFileLeavesTheVersionInForceAndItsEntries() {
        ListVersion good = load(lists, ListFormat.OFAC_SDN_XML, randomised());
        long generation = inForce.generation();
        String xml = SampleLists.ofacXml("02/01/2024", SampleLists.first());
        ListFile truncated = ListFile.of("sdn.xml", SampleLists.bytes(xml.substring(0, xml.length() / 2)));

        assertThatThrownBy(() -> RunAs.user("admin", () -> lists.load(ListFormat.OFAC_SDN_XML, truncated, null),
                Role.ADMIN)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).message())
                        .startsWith("truncated: sdn.xml ends inside"));

        assertThat(inForce.generation()).isEqualTo(generation);
        assertThat(lists(ListFormat.OFAC_SDN_XML)).filteredOn(ListVersion::inForce).singleElement()
                .extracting(ListVersion::id).isEqualTo(good.id());
        assertThat(inForce.entries(SanctionsList.OFAC_SDN, List.of("1001", "1002"))).hasSize(2);
    }

    @Test
    void theListsInForceFollowTheNewestVersions() {
        loadSomethingElse(lists, ListFormat.UN_XML);
        long before = inForce.generation();
        ListVersion v = load(lists, ListFormat.UN_XML, SampleLists.second());

        assertThat(inForce.generation()).isGreaterThan(before).isEqualTo(v.id());
        List<SanctionsEntry> un = inForce.entries().stream().filter(e -> e.list() == SanctionsList.UN).toList();
        assertThat(un).extracting(SanctionsEntry::name).containsExactlyInAnyOrder("Ivan IVANOV", "Saddam AL-TIKRITI",
                "Olga PETROVA");
        SanctionsEntry tikriti = inForce.entries(SanctionsList.UN, List.of("1002", "no-such-id")).get(0);
        assertThat(tikriti.aliases()).containsExactly("Abu Uday");
        assertThat(tikriti.birthDates()).containsExactly("1937-04-28");
        assertThat(tikriti.remarks()).startsWith("Reference number QDi.1002");
        assertThat(tikriti.fingerprint()).hasSize(64);
    }

    @Test
    void aConfiguredFileLoadsOnceAndAgainOnlyWhenItChanged() throws Exception {
        Path dir = Files.createTempDirectory("attest-lists");
        Path sdn = dir.resolve("sdn.csv");
        Path alt = dir.resolve("alt.csv");
        Map<String, byte[]> files = SampleLists.files(ListFormat.OFAC_SDN_CSV, randomised());
        Files.write(sdn, files.get("file"));
        Files.write(alt, files.get("aliases"));
        ScreeningSettings.Source source = new ScreeningSettings.Source(sdn.toString(), ListFormat.OFAC_SDN_CSV,
                alt.toString());

        ListVersion loaded = lists.loadConfigured(source).orElseThrow();
        assertThat(loaded.loadedBy()).isEqualTo("system");
        assertThat(lists.loadConfigured(source)).as("the same files at night: nothing new").isEmpty();

        Files.write(sdn, SampleLists.files(ListFormat.OFAC_SDN_CSV, SampleLists.second()).get("file"));
        assertThat(lists.loadConfigured(source)).get().extracting(ListVersion::number)
                .isEqualTo(loaded.number() + 1);
    }

    @Test
    void onlyAdministratorsLoadAndStaffReadTheVersions() {
        ListFile file = ListFile.of("sdn.xml", SampleLists.bytes(SampleLists.ofacXml("02/01/2024",
                SampleLists.first())));
        for (Role role : Set.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.INTAKE, Role.DESIGNER)) {
            assertThatThrownBy(() -> RunAs.user("someone", () -> lists.load(ListFormat.OFAC_SDN_XML, file, null), role))
                    .as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> RunAs.user("designer", () -> lists.versions(), Role.DESIGNER))
                .isInstanceOf(AccessDeniedException.class);
    }

    List<ListVersion> lists(ListFormat format) {
        return RunAs.user("admin", () -> lists.versions(), Role.ADMIN).stream()
                .filter(v -> v.list() == format.list()).toList();
    }

    static List<SampleLists.Sample> randomised() {
        List<SampleLists.Sample> samples = new ArrayList<>(SampleLists.first());
        samples.add(new SampleLists.Sample(String.valueOf(ThreadLocalRandom.current().nextInt(500_000, 900_000)),
                "Extra", "PERSON" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), true, "", "", ""));
        return samples;
    }
}
