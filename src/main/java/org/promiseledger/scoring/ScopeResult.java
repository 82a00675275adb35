package org.promiseledger.scoring;


import java.util.List;

import org.promiseledger.metrics.ScopeRef;

/** What the rules decided about one scope: its metric attainments, its CX index and the trail of those decisions. */
public record ScopeResult(ScopeRef scope, List<MetricAttainment> attainments, CxIndex cxIndex, List<RuleTrail.Entry> trail) {
}
