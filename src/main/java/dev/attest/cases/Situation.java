package dev.attest.cases;

/**
 * What the client told intake about their situation; triage routes on it.
 *
 * @param lostPhoneAccess no access to the phone that receives one-time passwords
 * @param lostEmailAccess no access to the account's e-mail
 * @param accountSuspended the seller account is suspended
 * @param usesVoipNumber the phone on file is a VoIP number (carriers often block SMS codes to those)
 * @param otpProblem why one-time passwords stopped arriving, or {@code null} when not known or not asked
 */
public record Situation(boolean lostPhoneAccess, boolean lostEmailAccess, boolean accountSuspended,
        boolean usesVoipNumber, OtpProblem otpProblem) {

    public static final Situation NONE = new Situation(false, false, false, false, null);
}
