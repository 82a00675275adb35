package org.promiseledger.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * From a scope's counts to its metric rows (docs/metrics.md "Precise semantics"): sample sizes, the INSUFFICIENT status
 * below min-sample, CONSISTENCY's counted channels, which scopes have which metrics, and the moment-of-truth check.
 */
class MetricCalculatorTests {

    private static final int MIN_SAMPLE = 30;
    private static final CompanyCustomers CUSTOMERS = new CompanyCustomers(90, 95, 10);

    private final MetricCalculator calculator = new MetricCalculator(MIN_SAMPLE);

    private static Map<MetricCode, DepartmentMetric> byCode(List<DepartmentMetric> rows) {
        return rows.stream().collect(Collectors.toMap(DepartmentMetric::metric, Function.identity()));
    }

    /** The calculator on a scope's counts, the company's with the customers.csv counters as the tasklet adds them. */
    private List<DepartmentMetric> metricsOf(ScopeRef scope, ScopeCounts c, CompanyCustomers customers) {
        if (scope.kind() == ScopeKind.COMPANY) {
            Map<ScopeRef, ScopeCounts> counts = new java.util.HashMap<>(Map.of(ScopeRef.COMPANY, c));
            ScopeRollUp.companyCustomers(customers, counts);
        }
        return calculator.metricsOf(scope, c);
    }

    private static ScopeCounts noObservations() {
        return new ScopeCounts();
    }

    // ---- min-sample --------------------------------------------------------------------------------------------

    @Test
    void aMetricBelowMinSampleIsInsufficientButKeepsItsValue() {
        // given 29 NPS answers: 10 promoters, 5 detractors
        ScopeCounts c = noObservations();
        c.set(Counter.NPS_ANSWERS, 29);
        c.set(Counter.PROMOTERS, 10);
        c.set(Counter.DETRACTORS, 5);
        // when
        DepartmentMetric nps = byCode(metricsOf(ScopeRef.department("D1"), c, CUSTOMERS)).get(MetricCode.NPS);
        // then 500 / 29 = 17.2413793103448... is still computed and stored
        assertEquals(new BigDecimal("17.241379310345"), nps.value());
        assertEquals(29, nps.sampleSize());
        assertEquals(MetricStatus.INSUFFICIENT, nps.status());
    }

    @Test
    void aMetricAtMinSampleIsOk() {
        // given exactly 30 contacts, 27 resolved at first contact
        ScopeCounts c = noObservations();
        c.set(Counter.CONTACTS, 30);
        c.set(Counter.RESOLVED, 27);
        // when
        DepartmentMetric fcr = byCode(metricsOf(ScopeRef.department("D1"), c, CUSTOMERS)).get(MetricCode.FCR);
        // then
        assertEquals(new BigDecimal("90.000000000000"), fcr.value());
        assertEquals(30, fcr.sampleSize());
        assertEquals(MetricStatus.OK, fcr.status());
    }

    @Test
    void aMetricWithoutObservationsHasNoValueSampleZeroAndIsInsufficient() {
        // given a department nobody answered about, contacted, complained to or rated
        // when
        List<DepartmentMetric> rows = metricsOf(ScopeRef.department("D9"), noObservations(), CUSTOMERS);
        // then every one of its eight metrics is empty
        assertEquals(8, rows.size());
        for (DepartmentMetric row : rows) {
            assertNull(row.value(), row.metric() + " value");
            assertEquals(0, row.sampleSize(), row.metric() + " sample");
            assertEquals(MetricStatus.INSUFFICIENT, row.status(), row.metric() + " status");
        }
    }

    @Test
    void eachMetricCountsItsOwnSample() {
        // given
        ScopeCounts c = noObservations();
        c.set(Counter.NPS_ANSWERS, 40);
        c.set(Counter.PROMOTERS, 20);
        c.set(Counter.DETRACTORS, 4);
        c.set(Counter.CSAT_ANSWERS, 50);
        c.set(Counter.SATISFIED, 40);
        c.set(Counter.EFFORT_ANSWERS, 35);
        c.set(Counter.EFFORT_SUM, 105);
        c.set(Counter.CONTACTS, 60);
        c.set(Counter.RESOLVED, 45);
        c.set(Counter.UPHELD_COMPLAINTS, 2);
        c.set(Counter.CUSTOMERS_TOUCHED, 80);
        c.set(Counter.CHURNED, 4);
        c.set(Counter.TOUCHED_OR_CHURNED, 82);
        c.set(Counter.INTERNAL_ANSWERS, 31);
        c.set(Counter.INTERNAL_SCORE_SUM, 124);
        // when
        Map<MetricCode, DepartmentMetric> m = byCode(metricsOf(ScopeRef.subtree("D1"), c, CUSTOMERS));
        // then (values worked by hand)
        assertEquals(new BigDecimal("40.000000000000"), m.get(MetricCode.NPS).value()); // (20 - 4) / 40
        assertEquals(40, m.get(MetricCode.NPS).sampleSize());
        assertEquals(new BigDecimal("80.000000000000"), m.get(MetricCode.CSAT).value()); // 40 / 50
        assertEquals(50, m.get(MetricCode.CSAT).sampleSize());
        assertEquals(new BigDecimal("3.000000000000"), m.get(MetricCode.CES).value()); // 105 / 35
        assertEquals(35, m.get(MetricCode.CES).sampleSize());
        assertEquals(new BigDecimal("75.000000000000"), m.get(MetricCode.FCR).value()); // 45 / 60
        assertEquals(60, m.get(MetricCode.FCR).sampleSize());
        assertEquals(new BigDecimal("25.000000000000"), m.get(MetricCode.COMPLAINT_RATE).value()); // 2 / 80 x 1000
        assertEquals(80, m.get(MetricCode.COMPLAINT_RATE).sampleSize()); // customers touched
        // (1 - 4/82) x 100 = 7800 / 82 = 95.1219512195121...
        assertEquals(new BigDecimal("95.121951219512"), m.get(MetricCode.RETENTION).value());
        assertEquals(82, m.get(MetricCode.RETENTION).sampleSize()); // touched or churned
        assertEquals(new BigDecimal("75.000000000000"), m.get(MetricCode.INTERNAL_SERVICE).value()); // (4 - 1) / 4
        assertEquals(31, m.get(MetricCode.INTERNAL_SERVICE).sampleSize());
        m.values().stream().filter(r -> r.metric() != MetricCode.CONSISTENCY)
                .forEach(r -> assertEquals(MetricStatus.OK, r.status(), r.metric() + " status"));
    }

    @Test
    void companyRetentionComesFromCustomersWithActiveAtStartAsSample() {
        // given E = 95, N = 10, S = 90 (and department-style counts that must be ignored)
        ScopeCounts c = noObservations();
        c.set(Counter.CHURNED, 50);
        c.set(Counter.TOUCHED_OR_CHURNED, 60);
        // when
        DepartmentMetric retention = byCode(metricsOf(ScopeRef.COMPANY, c, CUSTOMERS)).get(MetricCode.RETENTION);
        // then (95 - 10) / 90 x 100
        assertEquals(new BigDecimal("94.444444444444"), retention.value());
        assertEquals(90, retention.sampleSize());
        assertEquals(MetricStatus.OK, retention.status());
    }

    @Test
    void companyRetentionWithoutActiveCustomersAtStartIsEmptyAndInsufficient() {
        // given customers.csv with nobody active at the start
        DepartmentMetric retention = byCode(metricsOf(ScopeRef.COMPANY, noObservations(),
                new CompanyCustomers(0, 12, 12))).get(MetricCode.RETENTION);
        // then
        assertNull(retention.value());
        assertEquals(0, retention.sampleSize());
        assertEquals(MetricStatus.INSUFFICIENT, retention.status());
    }

    // ---- which metrics each scope has ------------------------------------------------------------------------

    @Test
    void theCompanyHasTheSevenExternalMetricsAndNoInternalService() {
        Set<MetricCode> codes = byCode(metricsOf(ScopeRef.COMPANY, noObservations(), CUSTOMERS)).keySet();
        assertEquals(EnumSet.of(MetricCode.NPS, MetricCode.CSAT, MetricCode.CES, MetricCode.FCR,
                MetricCode.COMPLAINT_RATE, MetricCode.RETENTION, MetricCode.CONSISTENCY), codes);
    }

    @Test
    void departmentsAndSubtreesHaveAllEightMetrics() {
        assertEquals(EnumSet.allOf(MetricCode.class),
                byCode(metricsOf(ScopeRef.department("D1"), noObservations(), CUSTOMERS)).keySet());
        assertEquals(EnumSet.allOf(MetricCode.class),
                byCode(metricsOf(ScopeRef.subtree("D1"), noObservations(), CUSTOMERS)).keySet());
    }

    @Test
    void everyRowNamesItsScope() {
        ScopeRef scope = ScopeRef.subtree("D7");
        metricsOf(scope, noObservations(), CUSTOMERS).forEach(r -> assertEquals(scope, r.scope()));
    }

    // ---- CONSISTENCY -------------------------------------------------------------------------------------------

    @Test
    void consistencyCountsOnlyChannelsWithMinSampleCsatAnswers() {
        // given PHONE 24/30 = 80 %, WEB 28/40 = 70 %, and STORE 0/29 (too few answers, ignored)
        ScopeCounts c = noObservations();
        c.addChannel("PHONE", 30, 24);
        c.addChannel("WEB", 40, 28);
        c.addChannel("STORE", 29, 0);
        // when
        DepartmentMetric consistency = byCode(metricsOf(ScopeRef.department("D1"), c, CUSTOMERS))
                .get(MetricCode.CONSISTENCY);
        // then 100 x (1 - (80 - 70) / 100) over 30 + 40 answers
        assertEquals(new BigDecimal("90.000000000000"), consistency.value());
        assertEquals(70, consistency.sampleSize());
        assertEquals(MetricStatus.OK, consistency.status());
    }

    @Test
    void consistencyWithOneCountedChannelIsEmptyAndInsufficientWithThatChannelsAnswersAsSample() {
        // given PHONE with 30 answers counts, WEB with 29 does not
        ScopeCounts c = noObservations();
        c.addChannel("PHONE", 30, 24);
        c.addChannel("WEB", 29, 29);
        // when
        DepartmentMetric consistency = byCode(metricsOf(ScopeRef.COMPANY, c, CUSTOMERS))
                .get(MetricCode.CONSISTENCY);
        // then
        assertNull(consistency.value());
        assertEquals(30, consistency.sampleSize());
        assertEquals(MetricStatus.INSUFFICIENT, consistency.status());
    }

    @Test
    void consistencyWithNoCountedChannelHasSampleZero() {
        // given two channels, both below min-sample
        ScopeCounts c = noObservations();
        c.addChannel("PHONE", 29, 20);
        c.addChannel("WEB", 10, 1);
        // when
        DepartmentMetric consistency = byCode(metricsOf(ScopeRef.department("D1"), c, CUSTOMERS))
                .get(MetricCode.CONSISTENCY);
        // then
        assertNull(consistency.value());
        assertEquals(0, consistency.sampleSize());
        assertEquals(MetricStatus.INSUFFICIENT, consistency.status());
    }

    @Test
    void consistencyUsesExactChannelCsats() {
        // given PHONE 20/30 = 66.666...%, WEB 10/30 = 33.333...%
        ScopeCounts c = noObservations();
        c.addChannel("PHONE", 30, 20);
        c.addChannel("WEB", 30, 10);
        // when
        DepartmentMetric consistency = byCode(metricsOf(ScopeRef.department("D1"), c, CUSTOMERS))
                .get(MetricCode.CONSISTENCY);
        // then 100 x (1 - 33.333.../100) = 66.666...
        assertEquals(new BigDecimal("66.666666666667"), consistency.value());
        assertEquals(60, consistency.sampleSize());
    }

    // ---- moment of truth ---------------------------------------------------------------------------------------

    @Test
    void momentOfTruthFiresWithMinSampleAnswersAndCsatBelowTheCompanyThreshold() {
        // given 30 answers, 20 satisfied: CSAT 66.67 against a threshold of 70
        MomentOfTruthCheck check = calculator.momentOfTruth("T1", "D1", 30, 20, new BigDecimal("70"));
        // then
        assertTrue(check.fired());
        assertEquals(new BigDecimal("66.666666666667"), check.csat());
        assertEquals(30, check.csatSample());
        assertEquals("T1", check.touchpointId());
        assertEquals("D1", check.ownerDepartmentId());
        assertEquals(new BigDecimal("70"), check.companyThreshold());
    }

    @Test
    void momentOfTruthDoesNotFireBelowMinSample() {
        // given 29 answers, none satisfied: CSAT 0 but too few answers
        MomentOfTruthCheck check = calculator.momentOfTruth("T1", "D1", 29, 0, new BigDecimal("70"));
        assertFalse(check.fired());
        assertEquals(new BigDecimal("0.000000000000"), check.csat());
        assertEquals(29, check.csatSample());
    }

    @Test
    void momentOfTruthDoesNotFireAtExactlyTheThreshold() {
        // given 30 answers, 21 satisfied: CSAT 70 = threshold (the guard needs strictly below)
        assertFalse(calculator.momentOfTruth("T1", "D1", 30, 21, new BigDecimal("70")).fired());
        // and just above it
        assertFalse(calculator.momentOfTruth("T1", "D1", 30, 22, new BigDecimal("70")).fired());
    }

    @Test
    void momentOfTruthWithoutAnswersHasNoCsatAndDoesNotFire() {
        MomentOfTruthCheck check = calculator.momentOfTruth("T1", "D1", 0, 0, new BigDecimal("70"));
        assertFalse(check.fired());
        assertNull(check.csat());
        assertEquals(0, check.csatSample());
    }
}
