package org.promiseledger.web.internal;

import org.promiseledger.web.SignedInUser;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs people in against app_user. */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final AppUsers users;

    DatabaseUserDetailsService(AppUsers users) {
        this.users = users;
    }

    @Override
    public SignedInUser loadUserByUsername(String username) {
        return users.find(username).map(SignedInUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("no login " + username));
    }
}
