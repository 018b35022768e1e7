package dev.attest.ownership;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.attest.cases.CountryCode;
import dev.attest.validation.FieldErrors;
import dev.attest.validation.InvalidValueException;
import dev.attest.validation.Text;

/**
 * A valid ownership structure: unique parties, holdings between known parties with 0 % &lt; p ≤ 100 %, no party
 * owning itself, no person owned by anyone, and a subject that is a listed organization.
 *
 * @param subject the subject company's id
 * @param controlPerson the control person's id, or {@code null}
 * @param parties the parties by id, in the order given
 * @param holdings the holdings, in the order given
 */
public record OwnershipStructure(String subject, String controlPerson, Map<String, Party> parties,
        List<Holding> holdings) {

    /** A person or an organization. */
    public enum Kind { PERSON, ORGANIZATION }

    /**
     * A party.
     *
     * @param id its id in the structure
     * @param kind person or organization
     * @param name its name
     * @param country where it lives or is registered
     * @param documented whether its documentation is on file
     */
    public record Party(String id, Kind kind, String name, CountryCode country, boolean documented) {
    }

    /**
     * One holding.
     *
     * @param owner who holds
     * @param owned the organization held
     * @param percent how much of it, 0 &lt; p ≤ 100
     */
    public record Holding(String owner, String owned, double percent) {
    }

    /**
     * Validates a structure.
     *
     * @throws dev.attest.validation.InvalidInputException naming every problem by field
     */
    public static OwnershipStructure from(OwnershipInput in) {
        FieldErrors errors = new FieldErrors();
        if (in == null) {
            errors.add("", "An ownership structure is required");
            errors.throwIfAny();
        }
        List<OwnershipInput.PartyInput> partyInputs = in.parties() == null ? List.of() : in.parties();
        List<OwnershipInput.HoldingInput> holdingInputs = in.holdings() == null ? List.of() : in.holdings();
        Map<String, Party> parties = new LinkedHashMap<>();
        for (int i = 0; i < partyInputs.size(); i++) {
            var p = partyInputs.get(i);
            String f = "parties[" + i + "].";
            if (p == null) {
                errors.add("parties[" + i + "]", "is empty");
                continue;
            }
            String id = errors.capture(f + "id", () -> Text.requiredLine(p.id(), 100));
            Kind kind = errors.capture(f + "kind", () -> kind(p.kind()));
            String name = errors.capture(f + "name", () -> Text.requiredLine(p.name(), 200));
            CountryCode country = errors.capture(f + "country", () -> CountryCode.of(p.country()));
            if (id != null && parties.containsKey(id)) {
                errors.add(f + "id", "duplicates the party id '" + id + "'");
            } else if (id != null) {
                parties.put(id, new Party(id, kind, name, country, Boolean.TRUE.equals(p.documented())));
            }
        }
        if (partyInputs.isEmpty()) {
            errors.add("parties", "must list at least the subject company");
        }
        Party subject = in.subject() == null ? null : parties.get(in.subject());
        if (in.subject() == null || in.subject().isBlank()) {
            errors.add("subject", "is required");
        } else if (subject == null) {
            errors.add("subject", "'" + in.subject() + "' is not a listed party");
        } else if (subject.kind() != Kind.ORGANIZATION) {
            errors.add("subject", "must be an organization");
        }
        if (in.controlPerson() != null && !in.controlPerson().isBlank()) {
            Party control = parties.get(in.controlPerson());
            if (control == null) {
                errors.add("controlPerson", "'" + in.controlPerson() + "' is not a listed party");
            } else if (control.kind() != Kind.PERSON) {
                errors.add("controlPerson", "must be a person");
            }
        }
        List<Holding> holdings = new ArrayList<>(holdingInputs.size());
        for (int i = 0; i < holdingInputs.size(); i++) {
            var h = holdingInputs.get(i);
            String f = "holdings[" + i + "]";
            if (h == null) {
                errors.add(f, "is empty");
                continue;
            }
            Party owner = h.owner() == null ? null : parties.get(h.owner());
            Party owned = h.owned() == null ? null : parties.get(h.owned());
            boolean ok = true;
            if (owner == null) {
                errors.add(f + ".owner", "names an unknown party '" + h.owner() + "'");
                ok = false;
            }
            if (owned == null) {
                errors.add(f + ".owned", "names an unknown party '" + h.owned() + "'");
                ok = false;
            } else if (owned.kind() == Kind.PERSON) {
                errors.add(f + ".owned", "'" + owned.id() + "' is a person; a person cannot be owned");
                ok = false;
            }
            if (owner != null && owned != null && owner.id().equals(owned.id())) {
                errors.add(f, "'" + owner.id() + "' cannot own itself");
                ok = false;
            }
            if (h.percent() == null || h.percent().isNaN() || h.percent() <= 0 || h.percent() > 100) {
                errors.add(f + ".percent", "must be more than 0 and at most 100");
                ok = false;
            }
            if (ok) {
                holdings.add(new Holding(owner.id(), owned.id(), h.percent()));
            }
        }
        errors.throwIfAny();
        return new OwnershipStructure(subject.id(), in.controlPerson() == null || in.controlPerson().isBlank() ? null
                : in.controlPerson(), Collections.unmodifiableMap(parties), List.copyOf(holdings));
    }

    private static Kind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("is required");
        }
        try {
            return Kind.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("must be PERSON or ORGANIZATION");
        }
    }
}
