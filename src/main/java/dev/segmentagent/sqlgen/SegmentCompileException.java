package dev.segmentagent.sqlgen;

/** A definition cannot be compiled (unknown name, bad identifier, cycle, unsupported node): never guessed around. */
public class SegmentCompileException extends RuntimeException {
    public SegmentCompileException(String message) {
        super(message);
    }
}
