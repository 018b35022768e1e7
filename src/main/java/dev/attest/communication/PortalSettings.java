package dev.attest.communication;

import java.time.Duration;
import java.util.regex.Pattern;

import org.apache.commons.validator.routines.UrlValidator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.attest.cases.EmailAddress;

/**
 * The client portal ({@code attest.portal.*}): where clients reach Attest, how long their upload links work, and
 * who the page says is asking. A bad value refuses the start with the property's name.
 *
 * @param publicUrl the address clients reach Attest at; upload links in e-mails start with it. Blank: the address
 *        Attest was started on ({@code http://localhost:<server port>}), for trying it on one machine
 * @param linkValidity how long an upload link works (default 7 days)
 * @param maxBadLinks bad links tried from one address within the window before that address is refused
 * @param badLinkWindow the window of {@code maxBadLinks}
 * @param organisationName the consultancy's name, shown at the top of the portal and signing the e-mails
 * @param logoUrl an {@code https:} (or {@code http:}) address of the consultancy's logo, or a path on this server
 *        starting with {@code /}; blank for none
 * @param contactEmail where clients can write with questions; blank for none
 * @param contactPhone where clients can call with questions; blank for none
 */
@ConfigurationProperties(prefix = "attest.portal")
public record PortalSettings(@DefaultValue("") String publicUrl, @DefaultValue("7d") Duration linkValidity,
        @DefaultValue("5") int maxBadLinks, @DefaultValue("15m") Duration badLinkWindow,
        @DefaultValue("Attest") String organisationName, @DefaultValue("") String logoUrl,
        @DefaultValue("") String contactEmail, @DefaultValue("") String contactPhone) {

    private static final UrlValidator WEB = new UrlValidator(new String[] {"https", "http"},
            UrlValidator.ALLOW_LOCAL_URLS);
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]{1,300}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{4,28}[0-9]");

    public PortalSettings {
        publicUrl = publicUrl == null ? "" : publicUrl.strip();
        if (!publicUrl.isEmpty() && !WEB.isValid(publicUrl)) {
            throw new IllegalArgumentException("attest.portal.public-url must be an http(s) address, e.g. "
                    + "https://attest.example.com, or empty for the address Attest is started on");
        }
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        if (linkValidity == null || linkValidity.compareTo(Duration.ofMinutes(5)) < 0
                || linkValidity.compareTo(Duration.ofDays(90)) > 0) {
            throw new IllegalArgumentException("attest.portal.link-validity must be between 5 minutes and 90 days");
        }
        if (maxBadLinks < 1) {
            throw new IllegalArgumentException("attest.portal.max-bad-links must be at least 1");
        }
        if (badLinkWindow == null || badLinkWindow.isNegative() || badLinkWindow.isZero()) {
            throw new IllegalArgumentException("attest.portal.bad-link-window must be a positive duration");
        }
        organisationName = organisationName == null ? "" : organisationName.strip();
        if (organisationName.isEmpty() || organisationName.length() > 100
                || organisationName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("attest.portal.organisation-name must be a name of 1 to 100 "
                    + "characters on one line");
        }
        logoUrl = logoUrl == null ? "" : logoUrl.strip();
        // a path on this server: "//host/..." is another server's address (protocol-relative), not a path
        if (!logoUrl.isEmpty() && !WEB.isValid(logoUrl) && !(PATH.matcher(logoUrl).matches()
                && !logoUrl.contains("..") && !logoUrl.startsWith("//"))) {
            throw new IllegalArgumentException("attest.portal.logo-url must be an http(s) address or a path on this "
                    + "server starting with /, or empty");
        }
        contactEmail = contactEmail == null ? "" : contactEmail.strip();
        if (!contactEmail.isEmpty()) {
            try {
                contactEmail = EmailAddress.of(contactEmail).value();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("attest.portal.contact-email is not a valid e-mail address");
            }
        }
        contactPhone = contactPhone == null ? "" : contactPhone.strip();
        if (!contactPhone.isEmpty() && !PHONE.matcher(contactPhone).matches()) {
            throw new IllegalArgumentException("attest.portal.contact-phone must be a phone number, e.g. "
                    + "+1 512 555 0100");
        }
    }
}
