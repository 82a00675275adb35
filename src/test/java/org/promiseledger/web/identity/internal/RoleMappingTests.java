package org.promiseledger.web.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.promiseledger.export.SpreadsheetSafeCsv;
import org.promiseledger.web.AppRole;

class RoleMappingTests {

    private final RoleMapping mapping = new RoleMapping(Map.of(AppRole.HR, List.of("Compensation"),
            AppRole.EMPLOYEE, List.of("staff", "contractors"), AppRole.AUDITOR, List.of("internal-audit")));

    @Test
    void givesTheRoleOfAMappedGroupIgnoringLetterCase() {
        assertThat(mapping.roleOf(List.of("everyone", "STAFF"))).contains(AppRole.EMPLOYEE);
    }

    @Test
    void givesTheWidestRoleToAPersonInGroupsOfSeveralRoles() {
        assertThat(mapping.roleOf(List.of("staff", "internal-audit", "compensation"))).contains(AppRole.HR);
    }

    @Test
    void givesNoRoleWithoutAMappedGroup() {
        assertThat(mapping.roleOf(List.of("everyone"))).isEmpty();
        assertThat(new RoleMapping(null).roleOf(List.of("staff"))).isEmpty();
    }

    @Test
    void writesTextCellsThatASpreadsheetWouldRunAsFormulasWithALeadingQuote() {
        assertThat(SpreadsheetSafeCsv.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(List.of("+1", "-1", "@a", "\tx", "\rx").stream().map(SpreadsheetSafeCsv::text))
                .containsExactly("'+1", "'-1", "'@a", "'\tx", "'\rx");
        assertThat(SpreadsheetSafeCsv.text("E7")).isEqualTo("E7");
        assertThat(SpreadsheetSafeCsv.text("http://localhost:8080/activate?token=-x")).isEqualTo("http://localhost:8080/activate?token=-x");
    }
}
