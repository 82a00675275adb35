package org.promiseledger.workbench.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.MetricCode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads a scenario file (plain YAML data, no code); a malformed one is reported by file and field. */
public final class ScenarioFile {

    private ScenarioFile() {
    }

    /**
     * The scenario in {@code file}; {@code relativeName} names it in messages and is its name when it gives none.
     *
     * @throws IllegalArgumentException naming the field of a malformed scenario (the runner reports it with the file)
     */
    public static Scenario read(Path file, String relativeName) throws IOException {
        Map<String, Object> root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = map(yaml().load(reader), "the file");
        }
        String name = String.valueOf(root.getOrDefault("scenario", relativeName));
        Map<String, Object> given = map(root.get("given"), "given");
        Map<String, Object> expect = map(root.get("expect"), "expect");
        List<Scenario.ScopeGiven> scopes = new ArrayList<>();
        map(given.get("scopes"), "given.scopes").forEach((key, value) -> scopes.add(scope(key, map(value, "given.scopes." + key))));
        List<Scenario.EmployeeGiven> employees = new ArrayList<>();
        for (Object item : list(given.get("employees"), "given.employees")) {
            Map<String, Object> e = map(item, "given.employees[]");
            if (e.get("segments") != null) {
                employees.add(new Scenario.EmployeeGiven(text(e, "id"), null, null, null, optionalDecimal(e.get("sales_pct")),
                        optionalDecimal(e.get("productivity_pct")), segments(e.get("segments"), text(e, "id"))));
                continue;
            }
            employees.add(new Scenario.EmployeeGiven(text(e, "id"), text(e, "role"), text(e, "department"),
                    decimal(e.get("target_bonus"), "target_bonus"), optionalDecimal(e.get("sales_pct")),
                    optionalDecimal(e.get("productivity_pct")), List.of()));
        }
        Map<String, BigDecimal> cx = new LinkedHashMap<>();
        if (expect.get("cx") != null) {
            map(expect.get("cx"), "expect.cx").forEach((k, v) -> cx.put(k, decimal(v, "expect.cx." + k)));
        }
        Map<String, Scenario.PayoutExpected> payouts = new LinkedHashMap<>();
        if (expect.get("payouts") != null) {
            map(expect.get("payouts"), "expect.payouts").forEach((id, v) -> {
                Map<String, Object> p = map(v, "expect.payouts." + id);
                payouts.put(id, new Scenario.PayoutExpected(optionalDecimal(p.get("score")), optionalDecimal(p.get("amount")),
                        strings(p.get("fired")), strings(p.get("not_fired"))));
            });
        }
        return new Scenario(relativeName, name, scopes, employees, cx, payouts);
    }

    /** An employee's segments: from and to (ISO dates, inclusive, one quarter), role, department, target_bonus. */
    private static List<Scenario.SegmentGiven> segments(Object value, String id) {
        List<Scenario.SegmentGiven> segments = new ArrayList<>();
        for (Object item : list(value, "given.employees." + id + ".segments")) {
            Map<String, Object> s = map(item, "given.employees." + id + ".segments[]");
            LocalDate from = date(s.get("from"), id + " segment from");
            LocalDate to = date(s.get("to"), id + " segment to");
            if (to.isBefore(from) || from.getYear() != to.getYear() || (from.getMonthValue() - 1) / 3 != (to.getMonthValue() - 1) / 3) {
                throw new IllegalArgumentException(id + " segment " + from + ".." + to + ": from and to must lie in one quarter, in order");
            }
            segments.add(new Scenario.SegmentGiven(from, to, text(s, "role"), text(s, "department"),
                    decimal(s.get("target_bonus"), id + " segment target_bonus")));
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("given.employees." + id + ".segments: at least one segment is required");
        }
        return segments;
    }

    private static LocalDate date(Object value, String where) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not an ISO date like 2026-08-15");
        }
    }

    /** Numbers stay text, so 8500.00 is read as the analyst wrote it, exactly, and never through a double. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        Resolver numbersAsText = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
                addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
                addImplicitResolver(Tag.NULL, EMPTY, null, 10);
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                numbersAsText);
    }

    private static Scenario.ScopeGiven scope(String key, Map<String, Object> body) {
        String[] parts = key.trim().split("\\s+");
        String kind = parts[0];
        String department = kind.equals("COMPANY") ? "COMPANY" : parts.length > 1 ? parts[1] : null;
        if (department == null || !List.of("COMPANY", "DEPARTMENT", "SUBTREE").contains(kind)) {
            throw new IllegalArgumentException("scope '" + key + "': write COMPANY, DEPARTMENT <id> or SUBTREE <id>");
        }
        boolean owns = !Boolean.FALSE.equals(body.get("touchpoints"));
        List<String> failed = strings(body.get("failed_moments_of_truth"));
        List<Scenario.MetricGiven> metrics = new ArrayList<>();
        body.forEach((metric, value) -> {
            if (metric.equals("touchpoints") || metric.equals("failed_moments_of_truth")) {
                return;
            }
            if (!MetricCode.names().contains(metric)) {
                throw new IllegalArgumentException("scope '" + key + "': '" + metric + "' is not a metric code");
            }
            metrics.add(metric(metric, value, key));
        });
        return new Scenario.ScopeGiven(kind, department, owns, failed, metrics);
    }

    private static Scenario.MetricGiven metric(String metric, Object value, String scope) {
        if ("INSUFFICIENT".equals(value)) {
            return new Scenario.MetricGiven(metric, null, true, null, null, null, null, 0);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> v = map(m, scope + "." + metric);
            return new Scenario.MetricGiven(metric, null, false, decimal(v.get("value"), metric + ".value"),
                    decimal(v.get("threshold"), metric + ".threshold"), decimal(v.get("target"), metric + ".target"),
                    decimal(v.get("stretch"), metric + ".stretch"), v.get("sample") == null ? 100 : Long.parseLong(String.valueOf(v.get("sample"))));
        }
        return new Scenario.MetricGiven(metric, decimal(value, scope + "." + metric), false, null, null, null, null, 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + ": expected a mapping (key: value lines)");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<Object, Object>) value).forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static List<?> list(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException(where + ": expected a list (- items)");
        }
        return l;
    }

    private static List<String> strings(Object value) {
        return list(value, "rule names").stream().map(String::valueOf).toList();
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("an employee lacks '" + key + "'");
        }
        return String.valueOf(value);
    }

    private static BigDecimal decimal(Object value, String where) {
        if (value == null) {
            throw new IllegalArgumentException(where + ": a number is required");
        }
        try {
            return new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not a number");
        }
    }

    private static BigDecimal optionalDecimal(Object value) {
        return value == null ? null : decimal(value, "value");
    }
}
