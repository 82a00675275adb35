package org.promiseledger.web.identity;

/** A change to a login that is not allowed or not possible, said in words for the page or the console (exit 2). */
public class AccountChangeRefused extends RuntimeException {

    public AccountChangeRefused(String message) {
        super(message);
    }
}
