package dev.attest.identity;

import java.util.Locale;

/**
 * What a user may do in Attest. Each role is also a candidate group of the engine, named in lower case.
 */
public enum Role {
    ANALYST, SENIOR_ANALYST, MANAGER, DESIGNER, ADMIN, INTAKE;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The engine's candidate group for this role, e.g. {@code senior_analyst}. */
    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Role names as constants, for annotations such as {@code @RolesAllowed} and {@code @Secured}. */
    public static final class Names {
        public static final String ANALYST = "ANALYST";
        public static final String SENIOR_ANALYST = "SENIOR_ANALYST";
        public static final String MANAGER = "MANAGER";
        public static final String DESIGNER = "DESIGNER";
        public static final String ADMIN = "ADMIN";
        public static final String INTAKE = "INTAKE";

        private Names() {
        }
    }
}
