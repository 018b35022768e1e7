package dev.attest.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Which requests skip the disabled-account check: only plain fetches of static files. Vaadin chooses its request
 * handler by parameters (v-r=uidl, push, heartbeat), so a request to a static path with a query string, or one
 * that is not a GET, may reach the UI of a session whose account was disabled; it is checked.
 */
class ActiveSessionFilterPathTests {

    final ActiveSessionFilter filter = new ActiveSessionFilter(null);

    @ParameterizedTest(name = "{0} {1}?{2} skipped: {3}")
    @CsvSource(nullValues = "-", value = {
        "GET,  /VAADIN/build/index-abc.js,           -,                          true",
        "HEAD, /VAADIN/themes/attest/styles.css,     -,                          true",
        "GET,  /favicon.ico,                         -,                          true",
        "POST, /VAADIN/build/x,                      v-r=uidl&v-uiId=0,          false",
        "GET,  /VAADIN/build/x,                      v-r=heartbeat&v-uiId=0,     false",
        "GET,  /VAADIN/static/x,                     v-r=push&v-uiId=0,          false",
        "POST, /VAADIN/build/x,                      -,                          false",
        "GET,  /VAADIN/build/../dynamic/resource/0/k/a, -,                       false",
        "GET,  /VAADIN/build/%2e%2e/dynamic/x,       -,                          false",
        "GET,  /VAADIN/build/x;jsessionid=1,         -,                          false",
        "GET,  /VAADIN/build\\..\\dynamic/x,         -,                          false",
        "GET,  /vaadin/build/x,                      -,                          false",
        "GET,  /VAADIN/dynamic/resource/0/k/a.pdf,   -,                          false"})
    void onlyPlainStaticFetchesSkipTheCheck(String method, String path, String query, boolean skipped) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setQueryString(query);
        assertThat(filter.shouldNotFilter(request)).isEqualTo(skipped);
    }
}
