package org.promiseledger.web.identity.internal;

import java.util.Collection;

import org.promiseledger.web.AppRole;
import org.promiseledger.web.SignedInUser;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;

/**
 * A person the directory signed in → the session's {@link SignedInUser}: the role from their groups (the group
 * search gives one authority per group, named by its cn), the employee from an attribute of their entry.
 */
public class DirectoryUserMapper implements UserDetailsContextMapper {

    private final RoleMapping roles;
    private final String employeeIdAttribute;

    public DirectoryUserMapper(RoleMapping roles, String employeeIdAttribute) {
        this.roles = roles;
        this.employeeIdAttribute = employeeIdAttribute;
    }

    @Override
    public UserDetails mapUserFromContext(DirContextOperations entry, String username,
            Collection<? extends GrantedAuthority> groups) {
        AppRole role = roles.roleOf(groups.stream().map(GrantedAuthority::getAuthority).toList())
                .orElseThrow(() -> new NoMappedRoleException(username));
        return SignedInUser.fromDirectory(username, role, entry.getStringAttribute(employeeIdAttribute));
    }

    @Override
    public void mapUserToContext(UserDetails user, DirContextAdapter ctx) {
        throw new UnsupportedOperationException("Promise Ledger never writes to the company directory");
    }
}
