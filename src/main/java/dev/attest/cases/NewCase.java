package dev.attest.cases;


import dev.attest.cases.CaseIntakeRequest.AddressInput;
import dev.attest.validation.Choice;
import dev.attest.validation.FieldErrors;
import dev.attest.validation.Text;

/**
 * A validated request to open a case. Every field is checked once, here, and every bad field is named.
 */
public record NewCase(CaseType type, Client client, MarketplaceAccount account, Situation situation, String description) {

    /**
     * Validates a request.
     *
     * @throws dev.attest.validation.InvalidInputException naming every bad field
     */
    public static NewCase from(CaseIntakeRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request == null) {
            errors.add("", "A case needs a body");
            errors.throwIfAny();
        }
        CaseType type = errors.capture("type", () -> Choice.required(CaseType.class, request.type()));

        Client client = null;
        if (request.client() == null) {
            errors.add("client", "is required");
        } else {
            var c = request.client();
            String fullName = errors.capture("client.fullName", () -> Text.requiredLine(c.fullName(), 200));
            EmailAddress email = errors.capture("client.email", () -> EmailAddress.of(c.email()));
            CountryCode country = errors.capture("client.country", () -> CountryCode.of(c.country()));
            PhoneNumber phone = errors.capture("client.phone", () -> PhoneNumber.optional(c.phone(), country));
            String business = errors.capture("client.businessName", () -> Text.line(c.businessName(), 200));
            client = new Client(fullName, email, phone, business, country);
        }

        MarketplaceAccount account = null;
        if (request.account() == null) {
            errors.add("account", "is required");
        } else {
            var a = request.account();
            Marketplace marketplace = errors.capture("account.marketplace", () -> Marketplace.of(a.marketplace()));
            SellerId sellerId = errors.capture("account.sellerId", () -> SellerId.optional(a.sellerId()));
            AddressInput in = a.addressOnFile();
            PostalAddress address = null;
            if (in == null) {
                errors.add("account.addressOnFile", "is required");
            } else {
                address = PostalAddress.of(errors, "account.addressOnFile", in.line1(), in.line2(), in.city(),
                        in.region(), in.postalCode(), in.country());
            }
            account = new MarketplaceAccount(marketplace, sellerId, address);
        }

        var s = request.situation();
        OtpProblem otpProblem = s == null ? null
                : errors.capture("situation.otpProblem", () -> Choice.optional(OtpProblem.class, s.otpProblem()));
        Situation situation = s == null ? Situation.NONE
                : new Situation(isTrue(s.lostPhoneAccess()), isTrue(s.lostEmailAccess()), isTrue(s.accountSuspended()),
                        isTrue(s.usesVoipNumber()) || otpProblem == OtpProblem.VOIP_NUMBER, otpProblem);
        String description = errors.capture("description", () -> Text.optional(request.description(), 4000));

        errors.throwIfAny();
        return new NewCase(type, client, account, situation, description);
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
