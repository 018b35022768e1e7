package dev.attest.screening;

/** The file formats a list version is loaded from, each belonging to one list. */
public enum ListFormat {
    OFAC_SDN_XML(SanctionsList.OFAC_SDN),
    OFAC_SDN_CSV(SanctionsList.OFAC_SDN),
    UN_XML(SanctionsList.UN),
    EU_XML(SanctionsList.EU),
    UK_CSV(SanctionsList.UK),
    FTM_JSON(SanctionsList.OPENSANCTIONS);

    private final SanctionsList list;

    ListFormat(SanctionsList list) {
        this.list = list;
    }

    public SanctionsList list() {
        return list;
    }
}
