package dev.segmentagent.security;

/** Who is calling: the key's name (what the audit log records) and its role. */
public record Principal(String name, Role role) {

    /** The caller when access control is switched off (a local, single-user setup). */
    static final Principal LOCAL = new Principal("local", Role.ADMIN);
}
