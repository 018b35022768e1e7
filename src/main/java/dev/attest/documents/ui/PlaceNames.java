package dev.attest.documents.ui;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.combobox.ComboBox;

import dev.attest.cases.CountryCode;

/** Countries and US states chosen by name; the value kept is the code (ISO 3166-1 alpha-2, USPS). */
final class PlaceNames {

    private static final Map<String, String> US_STATES = new LinkedHashMap<>();

    static {
        String[] pairs = {"AL", "Alabama", "AK", "Alaska", "AS", "American Samoa", "AZ", "Arizona", "AR", "Arkansas",
            "CA", "California", "CO", "Colorado", "CT", "Connecticut", "DE", "Delaware", "DC", "District of Columbia",
            "FL", "Florida", "GA", "Georgia", "GU", "Guam", "HI", "Hawaii", "ID", "Idaho", "IL", "Illinois", "IN",
            "Indiana", "IA", "Iowa", "KS", "Kansas", "KY", "Kentucky", "LA", "Louisiana", "ME", "Maine", "MD",
            "Maryland", "MA", "Massachusetts", "MI", "Michigan", "MN", "Minnesota", "MS", "Mississippi", "MO",
            "Missouri", "MT", "Montana", "NE", "Nebraska", "NV", "Nevada", "NH", "New Hampshire", "NJ", "New Jersey",
            "NM", "New Mexico", "NY", "New York", "NC", "North Carolina", "ND", "North Dakota", "MP",
            "Northern Mariana Islands", "OH", "Ohio", "OK", "Oklahoma", "OR", "Oregon", "PA", "Pennsylvania", "PR",
            "Puerto Rico", "RI", "Rhode Island", "SC", "South Carolina", "SD", "South Dakota", "TN", "Tennessee", "TX",
            "Texas", "UT", "Utah", "VT", "Vermont", "VI", "U.S. Virgin Islands", "VA", "Virginia", "WA", "Washington",
            "WV", "West Virginia", "WI", "Wisconsin", "WY", "Wyoming"};
        for (int i = 0; i < pairs.length; i += 2) {
            US_STATES.put(pairs[i], pairs[i + 1]);
        }
    }

    private PlaceNames() {
    }

    /** The English name of a country code, or the code when unknown. */
    static String country(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    /** The name of a US state code, or the code when unknown. */
    /** Whether a code is one of the US states (and DC and the territories) the state boxes offer. */
    static boolean isUsState(String code) {
        return code != null && US_STATES.containsKey(code);
    }

    static String usState(String code) {
        return US_STATES.getOrDefault(code, code);
    }

    /** A pick list of countries by name; its value is the ISO code. */
    static ComboBox<String> countryBox(String label) {
        ComboBox<String> box = new ComboBox<>(label);
        box.setItems(CountryCode.all().stream().sorted(Comparator.comparing(PlaceNames::country)).toList());
        box.setItemLabelGenerator(PlaceNames::country);
        box.setPlaceholder("Type or pick a country");
        return box;
    }

    /** A pick list of US states (and territories) by name; its value is the USPS code. */
    static ComboBox<String> usStateBox(String label) {
        ComboBox<String> box = new ComboBox<>(label);
        List<String> codes = US_STATES.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .toList();
        box.setItems(codes);
        box.setItemLabelGenerator(PlaceNames::usState);
        box.setPlaceholder("Type or pick a state");
        return box;
    }
}
