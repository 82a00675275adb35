package org.promiseledger.web.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Puts {@link LoginThrottle} in front of a password check (app_user or the directory): a waiting login is refused
 * before its password is even looked at, so guessing on during the wait learns nothing.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwordCheck;
    private final LoginThrottle throttle;

    public ThrottledAuthenticationProvider(AuthenticationProvider passwordCheck, LoginThrottle throttle) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        throttle.requireNotWaiting(username);
        Authentication result;
        try {
            result = passwordCheck.authenticate(authentication);
        } catch (BadCredentialsException e) {
            throttle.failed(username);
            throw e;
        }
        if (result != null) {
            throttle.succeeded(username);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
