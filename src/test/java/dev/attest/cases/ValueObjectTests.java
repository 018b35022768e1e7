package dev.attest.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.attest.validation.InvalidInputException;
import dev.attest.validation.InvalidValueException;

/** The value objects that every input goes through, REST and UI alike. */
class ValueObjectTests {

    @Test
    void emailAddressesAreCheckedAndTheirDomainLowerCased() {
        assertThat(EmailAddress.of(" Jane.Doe@Example.COM ").value()).isEqualTo("Jane.Doe@example.com");
        for (String bad : new String[] {"", "jane", "jane@", "@example.com", "jane@example", "ja ne@example.com"}) {
            assertThatThrownBy(() -> EmailAddress.of(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void phonesMustBeValidE164() {
        assertThat(PhoneNumber.of("+14155550123").e164()).isEqualTo("+14155550123");
        assertThat(PhoneNumber.optional("  ")).isNull();
        assertThatThrownBy(() -> PhoneNumber.of("(415) 555-0123")).hasMessageContaining("E.164");
        assertThatThrownBy(() -> PhoneNumber.of("+11234567890")).hasMessage("is not a valid phone number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "US", " de "})
    void countryCodesAreIso(String code) {
        assertThat(CountryCode.of(code).value()).hasSize(2).isUpperCase();
    }

    @Test
    void unknownCountriesAreRefused() {
        assertThatThrownBy(() -> CountryCode.of("UK")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CountryCode.of("USA")).isInstanceOf(InvalidValueException.class);
        assertThat(new CountryCode("DE").displayName()).isEqualTo("Germany");
    }

    @Test
    void postalAddressesAreCheckedPerCountry() {
        PostalAddress us = PostalAddress.of("a", "1 Main St", null, "Springfield", "il", "62701-1234", "US");
        assertThat(us.region()).isEqualTo("IL");
        assertThat(us.singleLine()).isEqualTo("1 Main St, Springfield, IL 62701-1234, US");
        assertThat(PostalAddress.of("a", "10 Downing St", null, "London", null, "sw1a 2aa", "GB").postalCode())
                .isEqualTo("SW1A 2AA");
        assertThat(PostalAddress.of("a", "Hauptstr. 1", null, "Berlin", null, "10115", "DE").region()).isNull();

        assertThatThrownBy(() -> PostalAddress.of("addr", "1 Main St", null, "Springfield", null, "6270", "US"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .extracting(f -> f.field()).containsExactly("addr.region", "addr.postalCode"));
        assertThatThrownBy(() -> PostalAddress.of("a", "1 Rue X", null, "Paris", null, "7500", "FR"))
                .hasMessageContaining("a.postalCode");
    }

    @Test
    void marketplacesAndSellerIds() {
        assertThat(Marketplace.of("Amazon.DE").domain()).isEqualTo("amazon.de");
        assertThatThrownBy(() -> Marketplace.of("amazon.cn")).hasMessageContaining("not a supported marketplace");
        assertThat(SellerId.optional("a1b2c3d4e5f6g7").value()).isEqualTo("A1B2C3D4E5F6G7");
        assertThat(SellerId.optional(null)).isNull();
        assertThatThrownBy(() -> SellerId.optional("A1B2")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void freeTextRefusesControlAndBidiCharacters() {
        assertThatThrownBy(() -> dev.attest.validation.Text.requiredLine("Jane\u0000", 100))
                .hasMessageContaining("control");
        assertThatThrownBy(() -> dev.attest.validation.Text.requiredLine("Jane\nDoe", 100))
                .hasMessage("must be a single line");
        assertThat(dev.attest.validation.Text.optional("  line one\nline two  ", 100)).isEqualTo("line one\nline two");
    }

    @Test
    void aCaseReferenceNamesTheYearAndNumber() {
        var request = new CaseIntakeRequest("SELLER_VERIFICATION",
                new CaseIntakeRequest.ClientInput("A B", "a@b.com", null, null, "US"),
                new CaseIntakeRequest.AccountInput("amazon.com", null,
                        new CaseIntakeRequest.AddressInput("1 Main St", null, "Austin", "TX", "78701", "US")),
                null, null);
        NewCase valid = NewCase.from(request);
        assertThat(valid.situation()).isEqualTo(Situation.NONE);
        CaseFile c = new CaseFile(valid.type(), valid.client(), valid.account(), valid.situation(), null, "intake",
                java.time.Instant.parse("2026-03-01T10:00:00Z"));
        org.springframework.test.util.ReflectionTestUtils.setField(c, "number", 123L);
        c.assignReference();
        assertThat(c.getReference()).isEqualTo("CASE-2026-000123");
        c.close(CaseOutcome.WITHDRAWN, null, java.time.Instant.now(), 0);
        assertThatThrownBy(() -> c.close(CaseOutcome.RESOLVED, null, java.time.Instant.now(), 0))
                .isInstanceOf(IllegalStateException.class);
    }
}
