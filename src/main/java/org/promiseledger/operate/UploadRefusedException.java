package org.promiseledger.operate;

/** An upload that cannot become a run's inputs: an unknown or repeated file, a missing one, or too many bytes. */
public class UploadRefusedException extends RuntimeException {

    private final boolean tooLarge;

    public UploadRefusedException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
