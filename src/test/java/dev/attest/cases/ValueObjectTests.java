package dev.attest.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.util.ReflectionTestUtils;

import dev.attest.validation.InvalidInputException;
import dev.attest.validation.InvalidValueException;
import dev.attest.validation.Text;

/** The value objects that every input goes through, REST and UI alike. */
class ValueObjectTests {

    @Test
    void aCountryWithHiddenCharactersOrLookAlikeLettersIsNoCountry() {
        assertThat(CountryCode.of("United States").value()).isEqualTo("US");
        assertThat(CountryCode.of("Côte d’Ivoire").value()).isEqualTo("CI");
        for (String disguised : new String[] {"U\u202ES", "Ger\u200Bmany", "US\u0410", "Germ\u0430ny"}) {
            assertThatThrownBy(() -> CountryCode.of(disguised)).as(disguised)
                    .isInstanceOf(dev.attest.validation.InvalidValueException.class);
        }
    }

    @Test
    void emailAddressesAreCheckedAndTheirDomainLowerCased() {
        assertThat(EmailAddress.of(" Jane.Doe@Example.COM ").value()).isEqualTo("Jane.Doe@example.com");
        for (String bad : new String[] {"", "jane", "jane@", "@example.com", "jane@example", "ja ne@example.com"}) {
            assertThatThrownBy(() -> EmailAddress.of(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void phonesAreReadInInternationalFormOrTheCountrysNationalFormAndKeptInE164() {
        assertThat(PhoneNumber.of("+14155550123").e164()).isEqualTo("+14155550123");
        assertThat(PhoneNumber.of("+1 (415) 555-0123").e164()).isEqualTo("+14155550123");
        assertThat(PhoneNumber.of("(512) 555-0199", CountryCode.of("US")).e164()).isEqualTo("+15125550199");
        assertThat(PhoneNumber.of("512.555.0199", CountryCode.of("US")).international()).isEqualTo("+1 512-555-0199");
        assertThat(PhoneNumber.of("020 7946 0958", CountryCode.of("GB")).e164()).isEqualTo("+442079460958");
        assertThat(PhoneNumber.of("030 901820", CountryCode.of("DE")).e164()).isEqualTo("+4930901820");
        assertThat(PhoneNumber.of("0044 20 7946 0958", CountryCode.of("DE")).e164())
                .as("the country's international prefix").isEqualTo("+442079460958");
        assertThat(PhoneNumber.of("+44 20 7946 0958", CountryCode.of("US")).e164())
                .as("a number with its country code keeps it, whatever the client's country").isEqualTo("+442079460958");
        assertThat(PhoneNumber.optional("  ")).isNull();
        assertThat(PhoneNumber.optional("  ", CountryCode.of("US"))).isNull();

        assertThatThrownBy(() -> PhoneNumber.of("(415) 555-0123"))
                .hasMessage("needs its country code, e.g. +1 512 555 0199, or the client's country");
        assertThatThrownBy(() -> PhoneNumber.of("+11234567890")).hasMessage("is not a valid phone number");
        assertThatThrownBy(() -> PhoneNumber.of("555-0199", CountryCode.of("US")))
                .hasMessageStartingWith("is not a valid phone number for United States");
        assertThatThrownBy(() -> PhoneNumber.of("call me", CountryCode.of("US")))
                .hasMessageStartingWith("is not a phone number");
        assertThatThrownBy(() -> PhoneNumber.of("+1 512 555 0199\u202E", null)).hasMessageContaining("invisible");
    }

    @Test
    void aPhoneNumberIsNeverSilentlyChangedIntoAnotherNumber() {
        // an extension does not fit E.164: dropped, the client could not be reached; refused instead
        for (String withExtension : new String[] {"(512) 555-0199 x99", "+1 512 555 0199 ext. 123",
            "+1 512 555 0199;ext=5", "+1 512 555 0199#12"}) {
            assertThatThrownBy(() -> PhoneNumber.of(withExtension, CountryCode.of("US"))).as(withExtension)
                    .hasMessageStartingWith("is not a phone number");
        }
        // letters are read as a keypad's digits or dropped: a typed O for a 0 became another, valid number
        assertThatThrownBy(() -> PhoneNumber.of("(512) 555-01O99", CountryCode.of("US")))
                .hasMessageStartingWith("is not a phone number");
        assertThatThrownBy(() -> PhoneNumber.of("+1 800 FLOWERS", null)).hasMessageStartingWith("is not a phone number");
        // digits of other scripts are digits
        assertThat(PhoneNumber.of("\uFF15\uFF11\uFF12 \uFF15\uFF15\uFF15 \uFF10\uFF11\uFF19\uFF19",
                CountryCode.of("US")).e164()).isEqualTo("+15125550199");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "US", " de ", "USA", "deu", "Germany", "germany", "United States", "Côte d’Ivoire"})
    void countriesAreReadFromCodesAndEnglishNames(String typed) {
        assertThat(CountryCode.of(typed).value()).hasSize(2).isUpperCase();
    }

    @Test
    void countryNamesIgnoreCaseAccentsAndPunctuation() {
        assertThat(CountryCode.of("united states of america").value()).isEqualTo("US");
        assertThat(CountryCode.of("USA").value()).isEqualTo("US");
        assertThat(CountryCode.of("UK").value()).isEqualTo("GB");
        assertThat(CountryCode.of("Great Britain").value()).isEqualTo("GB");
        assertThat(CountryCode.of("Cote d'Ivoire").value()).isEqualTo("CI");
        assertThat(CountryCode.of("COTE D IVOIRE").value()).isEqualTo("CI");
        assertThat(CountryCode.of("Saint Lucia").value()).isEqualTo("LC");
        assertThat(CountryCode.of("St Kitts and Nevis").value()).isEqualTo("KN");
        assertThat(CountryCode.of("Bosnia and Herzegovina").value()).isEqualTo("BA");
        assertThat(CountryCode.of("Saint Vincent and the Grenadines").value()).isEqualTo("VC");
        assertThat(CountryCode.of("Sao Tome & Principe").value()).isEqualTo("ST");
        assertThat(CountryCode.of("Myanmar").value()).isEqualTo("MM");
        assertThat(CountryCode.of("Curacao").value()).isEqualTo("CW");
        assertThat(CountryCode.of("the Netherlands").value()).isEqualTo("NL");
        assertThat(CountryCode.fromName("DE")).as("a code is not a name").isEmpty();
        assertThat(CountryCode.fromName("Deutschland")).as("English names only").isEmpty();
        assertThat(CountryCode.fromName("germany")).contains(new CountryCode("DE"));
    }

    @Test
    void unknownCountriesAreRefusedInPlainWords() {
        for (String bad : new String[] {"XX", "Atlantis", "Deutschland", "U", "x".repeat(300)}) {
            assertThatThrownBy(() -> CountryCode.of(bad)).as(bad).isInstanceOf(InvalidValueException.class)
                    .hasMessage("is not a country we know: give its English name or its two-letter code, e.g. "
                            + "Germany or DE");
        }
        assertThatThrownBy(() -> CountryCode.of(" ")).hasMessage("is required");
        assertThat(new CountryCode("DE").displayName()).isEqualTo("Germany");
    }

    @Test
    void pickListsShowCountriesByNameAndFindThemByAnyPartOrCode() {
        var names = CountryCode.allByName().stream().map(CountryCode::displayName).toList();
        assertThat(names).hasSize(CountryCode.all().size()).startsWith("Afghanistan", "Åland Islands", "Albania");
        assertThat(new CountryCode("CI").matches("cote")).isTrue();
        assertThat(new CountryCode("US").matches("united st")).isTrue();
        assertThat(new CountryCode("US").matches("us")).isTrue();
        assertThat(new CountryCode("US").matches("usa")).isTrue();
        assertThat(new CountryCode("GB").matches("uk")).isTrue();
        assertThat(new CountryCode("DE").matches("united")).isFalse();
    }

    @Test
    void usStatesAreReadByNameOrCode() {
        assertThat(UsState.find("tx")).contains(UsState.TX);
        assertThat(UsState.find("Texas")).contains(UsState.TX);
        assertThat(UsState.find(" new york ")).contains(UsState.NY);
        assertThat(UsState.find("Washington, D.C.")).contains(UsState.DC);
        assertThat(UsState.find("Washington")).contains(UsState.WA);
        assertThat(UsState.find("Texxas")).isEmpty();
        assertThat(UsState.NY.label()).isEqualTo("New York");
        assertThat(UsState.CA.matches("calif")).isTrue();
        assertThat(PostalAddress.region("Texas", CountryCode.of("US"))).isEqualTo("TX");
        assertThat(PostalAddress.region("Bavaria", CountryCode.of("DE"))).isEqualTo("Bavaria");
        assertThatThrownBy(() -> PostalAddress.region("Texxas", CountryCode.of("US")))
                .hasMessage("is not a US state: give its name or its two-letter code, e.g. Texas or TX");
        assertThatThrownBy(() -> PostalAddress.region(null, CountryCode.of("US")))
                .hasMessage("is required for United States");
    }

    @Test
    void postalAddressesAreCheckedPerCountry() {
        PostalAddress us = PostalAddress.of("a", "1 Main St", null, "Springfield", "Illinois", "62701-1234",
                "United States");
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
        assertThatThrownBy(() -> Text.requiredLine("Jane\u0000", 100))
                .hasMessageContaining("control");
        assertThatThrownBy(() -> Text.requiredLine("Jane\nDoe", 100))
                .hasMessage("must be a single line");
        assertThat(Text.optional("  line one\nline two  ", 100)).isEqualTo("line one\nline two");
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
                Instant.parse("2026-03-01T10:00:00Z"));
        ReflectionTestUtils.setField(c, "number", 123L);
        c.assignReference();
        assertThat(c.getReference()).isEqualTo("CASE-2026-000123");
        c.close(CaseOutcome.WITHDRAWN, null, Instant.now(), 0);
        assertThatThrownBy(() -> c.close(CaseOutcome.RESOLVED, null, Instant.now(), 0))
                .isInstanceOf(IllegalStateException.class);
    }
}
