package dev.attest.screening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.screening.EntryType;
import dev.attest.screening.SanctionsList;

/**
 * OpenSanctions' FollowTheMoney export in JSON lines ({@code entities.ftm.json}): one entity per line with
 * {@code id}, {@code schema}, {@code properties} ({@code name}, {@code alias}, {@code weakAlias},
 * {@code previousName}, {@code birthDate}, {@code nationality}, {@code citizenship}, {@code country},
 * {@code jurisdiction}, {@code topics}, {@code program}, {@code notes}), {@code datasets}, {@code target} and
 * {@code last_change}. Entities of the schemas Person, Organization, Company, LegalEntity, Vessel and Airplane are
 * entries (those marked {@code "target": false}, such as relatives and addresses' owners, are not); every other
 * schema (Address, Sanction, Identification, ...) is skipped. The publication date is the latest
 * {@code last_change}.
 */
final class FtmJsonParser {

    static final int MAX_LINE = 4 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, EntryType> SCHEMAS = Map.of("Person", EntryType.PERSON, "Organization",
            EntryType.ORGANISATION, "Company", EntryType.ORGANISATION, "LegalEntity", EntryType.ORGANISATION,
            "PublicBody", EntryType.ORGANISATION, "Vessel", EntryType.VESSEL, "Airplane", EntryType.AIRCRAFT);

    private FtmJsonParser() {
    }

    static ParsedList parse(InputStream in, String fileName, int maxEntries) {
        EntryCollector entries = new EntryCollector("file", fileName, maxEntries);
        Reader reader = OfacCsvParser.reader(in, StandardCharsets.UTF_8);
        LocalDate latest = null;
        int lineNumber = 0;
        String line;
        while ((line = readLine(reader, fileName, lineNumber + 1)) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode entity;
            try {
                entity = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                String what = e.getOriginalMessage();
                boolean cut = what != null && (what.contains("end-of-input") || what.contains("Unexpected end"));
                throw ListRefusal.of("file", (cut ? "truncated: " : "") + fileName + " line " + lineNumber
                        + ": not a JSON object" + (cut ? " (the line ends inside an entity)" : ": " + shorten(what)));
            }
            if (!entity.isObject()) {
                throw ListRefusal.of("file", fileName + " line " + lineNumber + ": not a JSON object");
            }
            String schema = entity.path("schema").asText("");
            if (schema.isEmpty()) {
                throw ListRefusal.of("file", fileName + " line " + lineNumber + ": entity without schema");
            }
            EntryType type = SCHEMAS.get(schema);
            if (type == null || entity.path("target").isBoolean() && !entity.path("target").asBoolean()) {
                continue;
            }
            JsonNode properties = entity.path("properties");
            EntryBuilder b = new EntryBuilder(SanctionsList.OPENSANCTIONS).type(type);
            if (entity.path("id").isTextual()) {
                b.id(entity.path("id").asText());
            }
            values(properties, "name", b::name);
            values(properties, "alias", b::name);
            values(properties, "previousName", b::name);
            values(properties, "weakAlias", b::name);
            if (!b.hasName()) {
                b.name(entity.path("caption").asText(null));
            }
            values(properties, "birthDate", v -> b.birthDates(BirthDates.read(v)));
            for (String p : new String[] {"nationality", "citizenship", "country", "jurisdiction"}) {
                values(properties, p, b::country);
            }
            values(properties, "program", b::programme);
            if (!properties.has("program")) {
                values(entity, "datasets", b::programme);
            }
            values(properties, "topics", v -> b.remark("topic " + v));
            values(properties, "notes", b::remark);
            entries.add(b, "entity", lineNumber);
            LocalDate changed = UnXmlParser.isoDate(entity.path("last_change").asText(null));
            if (changed != null && (latest == null || changed.isAfter(latest))) {
                latest = changed;
            }
        }
        return new ParsedList(latest, entries.finish());
    }

    private static void values(JsonNode object, String name, Consumer<String> to) {
        JsonNode values = object.path(name);
        if (values.isArray()) {
            int n = 0;
            for (JsonNode v : values) {
                if (v.isTextual() && n++ < EntryBuilder.MAX_NAMES) {
                    to.accept(v.asText());
                }
            }
        } else if (values.isTextual()) {
            to.accept(values.asText());
        }
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 150 ? s.substring(0, 149) + "…" : s;
    }

    /** One line without its end, or null at the end; a line longer than {@link #MAX_LINE} is refused. */
    static String readLine(Reader in, String fileName, int lineNumber) {
        StringBuilder line = new StringBuilder();
        try {
            int c = in.read();
            if (c == -1) {
                return null;
            }
            while (c != -1 && c != '\n') {
                if (c != '\r') {
                    if (line.length() >= MAX_LINE) {
                        throw ListRefusal.of("file", fileName + " line " + lineNumber + ": longer than " + MAX_LINE
                                + " characters");
                    }
                    line.append((char) c);
                }
                c = in.read();
            }
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
