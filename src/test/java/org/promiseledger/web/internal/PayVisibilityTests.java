package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.promiseledger.metrics.OrgChart;
import org.springframework.security.access.AccessDeniedException;

/**
 * docs/ledger.md "Who sees whose pay" on the small company of src/test/resources/jobs/small (E1 heads D1; D2 and its
 * child D10 belong to E2; E5 manages E7 and E8 in D10; E6 manages E9 in D2).
 */
class PayVisibilityTests {

    private final PayVisibility visibility = new PayVisibility();
    private final Workforce org = smallCompany();

    @Test
    void everyLinkedLoginSeesItsOwnPay() {
        for (String id : org.members().keySet()) {
            assertThat(visibility.maySeePay(new Viewer("x", AppRole.EMPLOYEE, id), id, org)).as(id).isTrue();
        }
        assertThat(visibility.maySeePay(new Viewer("ana", AppRole.ANALYST, "E10"), "E10", org)).isTrue();
    }

    @Test
    void staffSeeNoOneElse() {
        Viewer gus = new Viewer("gus", AppRole.EMPLOYEE, "E7");

        assertThat(visibility.peopleVisibleTo(gus, org)).extracting(Workforce.Member::employeeId).containsExactly("E7");
        assertThat(visibility.maySeePay(gus, "E8", org)).isFalse();
        assertThat(visibility.maySeePay(gus, "E5", org)).as("not even their manager").isFalse();
    }

    @Test
    void aManagerSeesDirectAndIndirectReportsOnly() {
        Viewer eve = new Viewer("eve", AppRole.EMPLOYEE, "E5");

        assertThat(visibility.peopleVisibleTo(eve, org)).extracting(Workforce.Member::employeeId)
                .containsExactly("E5", "E7", "E8");
        assertThat(visibility.maySeePay(eve, "E6", org)).as("a fellow manager").isFalse();
        assertThat(visibility.maySeePay(eve, "E2", org)).as("her own manager").isFalse();
    }

    @Test
    void aManagerReachesIndirectReportsThroughTheManagerChain() {
        Viewer ben = new Viewer("ben", AppRole.EMPLOYEE, "E2");
        Map<String, Workforce.Member> members = new HashMap<>(org.members());
        // E2 is an EXECUTIVE in the small company; as a MANAGER his reach is the manager_id chain, not the subtree
        members.put("E2", new Workforce.Member("E2", "Ben", "D2", "MANAGER", "E1"));
        Workforce asManager = new Workforce(members, org.departmentNames(), org.org());

        assertThat(visibility.peopleVisibleTo(ben, asManager)).extracting(Workforce.Member::employeeId)
                .containsExactly("E2", "E5", "E6", "E7", "E8", "E9");
    }

    @Test
    void anExecutiveSeesEveryoneInTheirDepartmentsSubtree() {
        Viewer ben = new Viewer("ben", AppRole.EXECUTIVE, "E2");

        assertThat(visibility.peopleVisibleTo(ben, org)).extracting(Workforce.Member::employeeId)
                .containsExactly("E2", "E5", "E6", "E7", "E8", "E9");
        assertThat(visibility.maySeePay(ben, "E1", org)).as("the CEO above").isFalse();
        assertThat(visibility.maySeePay(ben, "E10", org)).as("another division").isFalse();
    }

    @Test
    void theTopExecutiveSeesTheWholeCompany() {
        assertThat(visibility.peopleVisibleTo(new Viewer("ada", AppRole.EXECUTIVE, "E1"), org)).hasSize(12);
    }

    @Test
    void reachFollowsTheLinkedEmployeesRoleNotTheLoginsRole() {
        // an EXECUTIVE login linked to a member of staff sees only their own pay
        assertThat(visibility.peopleVisibleTo(new Viewer("x", AppRole.EXECUTIVE, "E9"), org))
                .extracting(Workforce.Member::employeeId).containsExactly("E9");
        // an EMPLOYEE login linked to an executive has the executive's reach
        assertThat(visibility.maySeePay(new Viewer("x", AppRole.EMPLOYEE, "E2"), "E8", org)).isTrue();
    }

    @Test
    void hrAndAuditorsSeeEveryone() {
        assertThat(visibility.peopleVisibleTo(new Viewer("hana", AppRole.HR, null), org)).hasSize(12);
        assertThat(visibility.peopleVisibleTo(new Viewer("olga", AppRole.AUDITOR, null), org)).hasSize(12);
        assertThat(visibility.maySeePay(new Viewer("hana", AppRole.HR, null), "E404", Workforce.empty()))
                .as("HR's question is then whether the person exists (404), not whether they may look").isTrue();
    }

    @Test
    void anAnalystSeesNoOneElsesPayWhateverTheirEmployeesRole() {
        Viewer ana = new Viewer("ana", AppRole.ANALYST, "E2");

        assertThat(visibility.peopleVisibleTo(ana, org)).extracting(Workforce.Member::employeeId).containsExactly("E2");
        assertThat(visibility.peopleVisibleTo(new Viewer("ana", AppRole.ANALYST, null), org)).isEmpty();
    }

    @Test
    void aLoginLinkedToNobodySeesNobody() {
        assertThat(visibility.peopleVisibleTo(new Viewer("x", AppRole.EXECUTIVE, null), org)).isEmpty();
        assertThat(visibility.peopleVisibleTo(new Viewer("x", AppRole.EMPLOYEE, "E404"), org)).isEmpty();
    }

    @Test
    void unknownPeopleAndQuartersWithoutARunAreRefusedToAllButHrAndAuditors() {
        Viewer ben = new Viewer("ben", AppRole.EXECUTIVE, "E2");

        assertThat(visibility.maySeePay(ben, "E404", org)).isFalse();
        assertThat(visibility.maySeePay(ben, "E7", Workforce.empty())).isFalse();
        assertThat(visibility.maySeePay(ben, "E2", Workforce.empty())).as("own, then 404 for the missing run").isTrue();
    }

    @Test
    void readsTheOrgOnlyWhenTheAnswerDependsOnIt() {
        int[] reads = {0};
        java.util.function.Supplier<Workforce> counted = () -> {
            reads[0]++;
            return org;
        };

        assertThat(visibility.maySeePay(new Viewer("gus", AppRole.EMPLOYEE, "E7"), "E7", counted)).isTrue();
        assertThat(visibility.maySeePay(new Viewer("hana", AppRole.HR, null), "E7", counted)).isTrue();
        assertThat(visibility.maySeePay(new Viewer("ana", AppRole.ANALYST, "E10"), "E7", counted)).isFalse();
        assertThat(reads[0]).isZero();
        assertThat(visibility.maySeePay(new Viewer("eve", AppRole.EMPLOYEE, "E5"), "E7", counted)).isTrue();
        assertThat(reads[0]).isEqualTo(1);
    }

    @Test
    void refusingIsAnAccessDeniedSoEveryPageAnswers403() {
        assertThatThrownBy(() -> visibility.requirePay(new Viewer("gus", AppRole.EMPLOYEE, "E7"), "E8", org))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> visibility.requireDepartment(new Viewer("ben", AppRole.EXECUTIVE, "E2"), "D3", org))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void departmentScorecardsFollowTheExecutivesSubtreeAndAreOpenToHrAuditorsAndAnalysts() {
        assertThat(visibility.departmentsVisibleTo(new Viewer("ben", AppRole.EXECUTIVE, "E2"), org)).containsExactly("D10", "D2");
        assertThat(visibility.departmentsVisibleTo(new Viewer("ana", AppRole.ANALYST, null), org)).hasSize(5);
        assertThat(visibility.departmentsVisibleTo(new Viewer("olga", AppRole.AUDITOR, null), org)).hasSize(5);
        assertThat(visibility.departmentsVisibleTo(new Viewer("eve", AppRole.EMPLOYEE, "E5"), org)).isEmpty();
        assertThat(visibility.maySeeDepartment(new Viewer("ben", AppRole.EXECUTIVE, "E2"), "D404", org)).isFalse();
    }

    /** employees.csv and departments.csv of jobs/small. */
    static Workforce smallCompany() {
        Map<String, Workforce.Member> members = new HashMap<>();
        String[][] rows = {{"E1", "D1", "EXECUTIVE", null}, {"E2", "D2", "EXECUTIVE", "E1"}, {"E3", "D3", "EXECUTIVE", "E1"},
                {"E4", "D4", "MANAGER", "E1"}, {"E5", "D10", "MANAGER", "E2"}, {"E6", "D2", "MANAGER", "E2"},
                {"E7", "D10", "STAFF", "E5"}, {"E8", "D10", "STAFF", "E5"}, {"E9", "D2", "STAFF", "E6"},
                {"E10", "D3", "STAFF", "E3"}, {"E11", "D4", "STAFF", "E4"}, {"E12", "D1", "STAFF", "E1"}};
        for (String[] r : rows) {
            members.put(r[0], new Workforce.Member(r[0], "name of " + r[0], r[1], r[2], r[3]));
        }
        Map<String, String> parents = new HashMap<>();
        parents.put("D1", null);
        parents.put("D2", "D1");
        parents.put("D10", "D2");
        parents.put("D3", "D1");
        parents.put("D4", "D1");
        Map<String, String> names = Map.of("D1", "CEO office", "D2", "Retail", "D10", "Branch network", "D3", "Digital",
                "D4", "Back office");
        return new Workforce(members, names, new OrgChart(parents));
    }
}
