package dev.segmentagent.live;

import java.util.UUID;

/** No active segment has this id (it never existed or was deleted). */
public class SegmentNotFoundException extends RuntimeException {

    private final UUID id;

    public SegmentNotFoundException(UUID id) {
        super("no segment with id " + id);
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
