package org.promiseledger.web.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.promiseledger.web.AppRole;

/**
 * Directory or SSO groups → the one role a login has. A person in groups of several roles gets the widest reach, in
 * this order: HR, AUDITOR, EXECUTIVE, ANALYST, EMPLOYEE. A person in no mapped group gets no role, hence no access.
 * Group names compare without regard to letter case, as directories compare them.
 */
public final class RoleMapping {

    static final List<AppRole> PRECEDENCE = List.of(AppRole.HR, AppRole.AUDITOR, AppRole.EXECUTIVE, AppRole.ANALYST, AppRole.EMPLOYEE);

    private final Map<AppRole, List<String>> groupsByRole;

    public RoleMapping(Map<AppRole, List<String>> groupsByRole) {
        this.groupsByRole = groupsByRole == null ? Map.of() : groupsByRole;
    }

    Optional<AppRole> roleOf(Collection<String> groups) {
        Set<String> held = groups.stream().map(RoleMapping::folded).collect(Collectors.toSet());
        for (AppRole role : PRECEDENCE) {
            for (String group : groupsByRole.getOrDefault(role, List.of())) {
                if (held.contains(folded(group))) {
                    return Optional.of(role);
                }
            }
        }
        return Optional.empty();
    }

    private static String folded(String group) {
        return group.trim().toLowerCase(Locale.ROOT);
    }
}
