package org.promiseledger.web.identity.internal;

import org.springframework.security.authentication.LockedException;

/** The login is waiting out its throttle: refused whatever the password, right or wrong. */
public class LoginThrottledException extends LockedException {

    LoginThrottledException(String username) {
        super(username + " is throttled after repeated failed sign-ins");
    }
}
