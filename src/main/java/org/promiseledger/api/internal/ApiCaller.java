package org.promiseledger.api.internal;

import java.util.List;

import org.promiseledger.api.TokenScope;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who calls the API: the token's owner with the role and linked employee of their login, and the token's scope.
 * Authorities are ROLE_&lt;role&gt; (the same matrix as the pages) and SCOPE_read or SCOPE_operate.
 */
public record ApiCaller(long tokenId, String username, String role, String employeeId, TokenScope scope) {

    List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role), new SimpleGrantedAuthority(scope.authority()));
    }
}
