package dev.segmentagent.cli;

/**
 * Exit statuses a script can branch on. 2 is picocli's own for a malformed command line, so the commands'
 * codes start above it.
 */
final class ExitCode {

    static final int OK = 0;
    /** Something broke that is not the caller's input (a failed training, an I/O error on the service side). */
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** The segment, model or file named does not exist. */
    static final int NOT_FOUND = 3;
    /** The definition or request is not valid; every issue is printed. */
    static final int INVALID = 4;
    /** The request needs an answer to a clarifying question before it becomes a definition. */
    static final int NEEDS_CLARIFICATION = 5;
    /** The request was declined (out of scope, or nothing in the catalog fits). */
    static final int DECLINED = 6;
    /** A store the command needs cannot be used now (the warehouse file is locked by another process). */
    static final int UNAVAILABLE = 7;

    private ExitCode() {
    }
}
