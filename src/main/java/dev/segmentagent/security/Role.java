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
}
