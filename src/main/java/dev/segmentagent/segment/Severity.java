package dev.segmentagent.segment;

/** ERROR blocks saving and compiling; WARNING is shown to the user (and the agent) but does not block. */
public enum Severity { ERROR, WARNING }
