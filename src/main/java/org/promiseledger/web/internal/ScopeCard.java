package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.util.List;

import org.promiseledger.metrics.ScopeRef;

/**
 * The customer side of a scorecard for one scope (the company, a department, or a department's subtree): its CX
 * index and how it was reached, every metric, the moment-of-truth checks, and the rules' own words for it.
 */
record ScopeCard(ScopeRef scope, String title, BigDecimal cxIndex, String cxBasis, String cxReading,
        List<MetricLine> metrics, List<MomentCheck> moments, List<TrailLine> trail) {

    public MetricLine metric(String code) {
        return metrics.stream().filter(m -> m.metric().equals(code)).findFirst().orElse(null);
    }
}
