package dev.attest.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A US state, the District of Columbia or a territory with a USPS code: what an address in the United
 * States names as its region. Read from the code ({@code TX}) or the name ({@code texas},
 * {@code District of Columbia}), case, accents and punctuation ignored.
 */
public enum UsState {
    AL("Alabama"), AK("Alaska"), AZ("Arizona"), AR("Arkansas"), CA("California"), CO("Colorado"),
    CT("Connecticut"), DE("Delaware"), DC("District of Columbia"), FL("Florida"), GA("Georgia"), HI("Hawaii"),
    ID("Idaho"), IL("Illinois"), IN("Indiana"), IA("Iowa"), KS("Kansas"), KY("Kentucky"), LA("Louisiana"),
    ME("Maine"), MD("Maryland"), MA("Massachusetts"), MI("Michigan"), MN("Minnesota"), MS("Mississippi"),
    MO("Missouri"), MT("Montana"), NE("Nebraska"), NV("Nevada"), NH("New Hampshire"), NJ("New Jersey"),
    NM("New Mexico"), NY("New York"), NC("North Carolina"), ND("North Dakota"), OH("Ohio"), OK("Oklahoma"),
    OR("Oregon"), PA("Pennsylvania"), RI("Rhode Island"), SC("South Carolina"), SD("South Dakota"),
    TN("Tennessee"), TX("Texas"), UT("Utah"), VT("Vermont"), VA("Virginia"), WA("Washington"),
    WV("West Virginia"), WI("Wisconsin"), WY("Wyoming"), PR("Puerto Rico"), GU("Guam"),
    VI("U.S. Virgin Islands"), AS("American Samoa"), MP("Northern Mariana Islands");

    private final String label;

    UsState(String label) {
        this.label = label;
    }

    /** The state's name, e.g. {@code Texas}. */
    public String label() {
        return label;
    }

    /** The USPS code, e.g. {@code TX}. */
    public String code() {
        return name();
    }

    /** The state with this USPS code or name, if there is one. */
    public static Optional<UsState> find(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 100) {
            return Optional.empty();
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (code.length() == 2) {
            return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
        }
        String key = CountryCode.key(raw);
        if (key.equals("washingtondc") || key.equals("virginislands")) {
            return Optional.of(key.startsWith("washington") ? DC : VI);
        }
        return Arrays.stream(values()).filter(s -> CountryCode.key(s.label).equals(key)).findFirst();
    }

    /** Whether a user's typing fits this state: its code, or a part of its name. */
    public boolean matches(String typed) {
        return typed == null || typed.isBlank() || name().equalsIgnoreCase(typed.strip())
                || CountryCode.plain(label).contains(CountryCode.plain(typed));
    }
}
