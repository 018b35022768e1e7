/**
 * The 2FA/OTP lockout reset (the {@code TwoFactorReset} process): submissions of the client's identity document
 * to the marketplace, the marketplace's decisions with their reasons, the authenticator guidance and the
 * hand-off to the specialist path.
 */
package dev.attest.recovery;
