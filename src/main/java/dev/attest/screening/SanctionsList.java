package dev.attest.screening;

/** The lists Attest screens against (stored and sent over the API by name). */
public enum SanctionsList {
    OFAC_SDN("OFAC Specially Designated Nationals"),
    UN("UN Security Council consolidated list"),
    EU("EU financial sanctions"),
    UK("UK sanctions list"),
    OPENSANCTIONS("OpenSanctions");

    private final String label;

    SanctionsList(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
