package org.promiseledger.web;

import org.promiseledger.web.internal.AppUser;
import org.promiseledger.web.internal.Viewer;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in session, whichever way the person signed in (app_user, the company directory or single
 * sign-on), so controllers know the login's role and linked employee.
 */
public class SignedInUser implements UserDetails {

    private final AppUser user;

    /** The principal of a login stored in app_user (web.internal's AppUsers). */
    public SignedInUser(AppUser user) {
        this.user = user;
    }

    /** A person the company directory or single sign-on vouched for: no password here, role and employee from there. */
    protected SignedInUser(String username, AppRole role, String employeeId) {
        this(new AppUser(username, "", role, emptyToNull(employeeId)));
    }

    public static SignedInUser fromDirectory(String username, AppRole role, String employeeId) {
        return new SignedInUser(username, role, employeeId);
    }

    /** The signed-in person as web's pages see them; a web.internal type, for web and its sub-packages only. */
    public Viewer viewer() {
        return user.viewer();
    }

    public AppRole role() {
        return user.role();
    }

    /** The employee the login belongs to, or null. */
    public String employeeId() {
        return user.employeeId();
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

    @Override
    public boolean isEnabled() {
        return user.enabled();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
