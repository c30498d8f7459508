package io.quiver.executor.api;

import java.time.Instant;

/**
 * What authentication needs to know of a role.
 *
 * @param password the stored verifier (SCRAM-SHA-256 or MD5 hash), or null when the role has none
 * @param validUntil when the password stops working, or null for never
 */
public record LoginRole(String name, boolean canLogin, boolean superuser, String password, Instant validUntil) {
}
