package org.promiseledger.web.internal;

import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.ScopeRef;

/**
 * The department tree of a run with each department's own and subtree CX index and its four-quarter trend, drawn as
 * nested lists so a weak branch stands out by colour where it sits.
 */
record CxTree(List<Node> roots) {

    /** One department: linked only when the viewer may open its scorecard. */
    record Node(String departmentId, String name, HeatCell own, HeatCell subtree, Sparkline trend, boolean linked,
            List<Node> children) {
    }

    static CxTree of(Workforce workforce, Map<ScopeRef, AttainedMetricReader.StoredCx> cx, Map<String, Sparkline> trends,
            List<String> visible) {
        return new CxTree(OrgOrder.depthFirst(workforce.org()).stream().filter(p -> p.depth() == 0)
                .map(p -> node(p.departmentId(), workforce, cx, trends, visible)).toList());
    }

    private static Node node(String id, Workforce workforce, Map<ScopeRef, AttainedMetricReader.StoredCx> cx,
            Map<String, Sparkline> trends, List<String> visible) {
        String name = workforce.departmentName(id);
        List<Node> children = OrgOrder.childrenOf(workforce.org(), id).stream()
                .map(c -> node(c, workforce, cx, trends, visible)).toList();
        return new Node(id, name, HeatCell.cx(cx.get(ScopeRef.department(id)), "department " + id + " " + name),
                HeatCell.cx(cx.get(ScopeRef.subtree(id)), "subtree " + id + " " + name), trends.get(id), visible.contains(id),
                children);
    }
}
