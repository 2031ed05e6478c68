package io.mapper.exception;

/** A construct that the target dialect has no SQL for; the message names the construct and the dialect. */
public class UnsupportedCompilationException extends CompileException {

    private static final long serialVersionUID = 1L;

    public UnsupportedCompilationException(String construct, String dialect, String advice) {
        super(construct + " is not supported by the " + dialect + " dialect. " + advice);
    }
}
