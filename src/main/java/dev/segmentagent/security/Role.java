package dev.segmentagent.security;

/**
 * What a key may do, each role including the ones below it: viewers read segments, counts and the catalog;
 * editors also generate, save and change segments; admins also manage keys, models, webhooks, imports and
 * event ingestion.
 */
public enum Role {
    VIEWER, EDITOR, ADMIN;

    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    /**
     * Whether member views and exports may carry personal data (catalog fields flagged {@code pii}) for this
     * role. Admins only, and only when they ask for it: personal data is not what a segment is for, so no
     * working role needs it by default, and whoever needs it can be seen asking in the audit log.
     */
    public boolean readsPersonalData() {
        return this == ADMIN;
    }
}
