package dev.attest.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Intake bodies for tests: a valid one, and a way to change one field of it. */
public final class CaseRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseRequests() {
    }

    /** A valid 2FA recovery request, as a mutable JSON tree. */
    public static Map<String, Object> valid() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", "1 Market Street");
        address.put("line2", "Suite 500");
        address.put("city", "San Francisco");
        address.put("region", "CA");
        address.put("postalCode", "94105");
        address.put("country", "US");
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("fullName", "Jane Seller");
        client.put("email", "jane@seller.example.com");
        client.put("phone", "+14155550123");
        client.put("country", "US");
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("marketplace", "amazon.com");
        account.put("sellerId", "A1B2C3D4E5F6G7");
        account.put("addressOnFile", address);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ACCOUNT_RECOVERY_2FA");
        body.put("client", client);
        body.put("account", account);
        body.put("situation", new LinkedHashMap<>(Map.of("lostPhoneAccess", true, "usesVoipNumber", true,
                "otpProblem", "VOIP_NUMBER")));
        body.put("description", "OTP texts stopped arriving.");
        return body;
    }

    /** A valid request with the field at a dotted path set to a value ({@code null} removes it). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(String path, Object value) {
        Map<String, Object> body = valid();
        List<String> parts = List.of(path.split("\\."));
        Map<String, Object> node = body;
        for (String p : parts.subList(0, parts.size() - 1)) {
            node = (Map<String, Object>) node.get(p);
        }
        if (value == null) {
            node.remove(parts.get(parts.size() - 1));
        } else {
            node.put(parts.get(parts.size() - 1), value);
        }
        return body;
    }

    public static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
