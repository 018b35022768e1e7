package dev.attest.cases;

/**
 * The seller the case is for.
 *
 * @param fullName the contact person's full name
 * @param email where the client is reached
 * @param phone optional phone in E.164
 * @param businessName optional registered business name (a business account)
 * @param country the client's country
 */
public record Client(String fullName, EmailAddress email, PhoneNumber phone, String businessName, CountryCode country) {
}
