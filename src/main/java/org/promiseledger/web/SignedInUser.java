package org.promiseledger.web;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a signed-in session: the stored login, so controllers know the linked employee. */
final class SignedInUser implements UserDetails {

    private final AppUser user;

    SignedInUser(AppUser user) {
        this.user = user;
    }

    Viewer viewer() {
        return user.viewer();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public String getPassword() {
        return user.passwordHash();
    }

    @Override
    public String getUsername() {
        return user.username();
    }
}
