package org.promiseledger.web.internal;

import java.util.ArrayList;
import java.util.List;

import org.promiseledger.kernel.CodePoints;
import org.promiseledger.metrics.OrgChart;

/** The departments of a run in tree order — each followed by its subtree, siblings by id — so a branch stays together. */
final class OrgOrder {

    /** A department and how deep it sits (0 for a top department). */
    record Placed(String departmentId, int depth) {
    }

    private OrgOrder() {
    }

    static List<Placed> depthFirst(OrgChart org) {
        List<String> all = org.departments();
        List<Placed> placed = new ArrayList<>();
        for (String top : all) {
            if (org.parentOf(top).filter(all::contains).isEmpty()) {
                visit(org, all, top, 0, placed);
            }
        }
        return placed;
    }

    static List<String> childrenOf(OrgChart org, String departmentId) {
        return org.departments().stream().filter(d -> org.parentOf(d).filter(departmentId::equals).isPresent())
                .sorted(CodePoints.ORDER).toList();
    }

    private static void visit(OrgChart org, List<String> all, String id, int depth, List<Placed> placed) {
        placed.add(new Placed(id, depth));
        for (String child : childrenOf(org, id)) {
            visit(org, all, child, depth + 1, placed);
        }
    }
}
