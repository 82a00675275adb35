package org.promiseledger.integrity;

import java.math.BigDecimal;

/**
 * One signal found at one touchpoint, with the counts behind it. What the counts are depends on the signal:
 * <ul>
 * <li>TOP_BOX_SURGE: hits/sample = 10s over NPS answers this quarter, reference = the same in the reference period;
 * <li>SELECTIVE_SURVEYING: hits/sample = resolved over contacts of customers who answered a survey there,
 * reference = resolved over all the touchpoint's contacts;
 * <li>REPEAT_RESPONDENTS: hits/sample = answers from customers with four or more over all answers,
 * reference size = how many such customers (no reference hits);
 * <li>END_OF_QUARTER_BUNCHING: hits/sample = answers in the last 14 days over all answers,
 * reference = 14 (hits) over D, the days in the quarter (size).
 * </ul>
 *
 * @param statistic the z value, except for REPEAT_RESPONDENTS: the share (0..1), which has no test
 * @param pValue one-sided, P(Z ≥ z); null for REPEAT_RESPONDENTS
 */
public record Finding(String touchpointId, String departmentId, Signal signal, BigDecimal statistic, BigDecimal pValue,
        long sampleSize, long hits, Long referenceSize, Long referenceHits, String referencePeriod, String detail) {
}
