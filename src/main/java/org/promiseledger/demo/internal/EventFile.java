package org.promiseledger.demo.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * One event file being assembled: the ordinary rows in time order, plus the odd bad row slipped in at a random
 * place, the way a real feed delivers them. Ids are handed out at the end in file order, so they read
 * ascending down the file; a deliberate duplicate reuses the id of a row printed before it.
 */
public final class EventFile {

    /** An extra row printed after ordinary row {@code after}; {@code sameIdAs} ≥ 0 reuses that row's id. */
    private record Extra(int after, String[] values, int sameIdAs) {}

    private final String idPrefix;
    private final List<String[]> ordinary;
    private final Random random;
    private final List<Extra> extras = new ArrayList<>();

    /** {@code ordinary} rows have their id in column 0, left empty here. */
    EventFile(String idPrefix, List<String[]> ordinary, Random random) {
        if (ordinary.size() < 2) {
            throw new IllegalArgumentException("an event file needs rows to hide its bad rows among");
        }
        this.idPrefix = idPrefix;
        this.ordinary = ordinary;
        this.random = random;
    }

    /** Changes ordinary rows in place before any bad row is copied from them (the demo's gamed touchpoint). */
    void changeOrdinary(java.util.function.Consumer<String[]> change) {
        ordinary.forEach(change);
    }

    /** Adds a copy of a random ordinary row changed by {@code spoil}, which may also change the field count. */
    void addSpoiled(UnaryOperator<String[]> spoil) {
        String[] copy = ordinary.get(random.nextInt(ordinary.size())).clone();
        extras.add(new Extra(random.nextInt(ordinary.size()), spoil.apply(copy), -1));
    }

    /** Adds a second delivery of an earlier row, same id and content, somewhere after the first. */
    void addRedelivery() {
        int original = random.nextInt(ordinary.size() / 2);
        int after = original + 1 + random.nextInt(ordinary.size() - original - 1);
        extras.add(new Extra(after, ordinary.get(original).clone(), original));
    }

    public List<List<String>> rows() {
        List<List<Extra>> extrasAfter = new ArrayList<>();
        ordinary.forEach(row -> extrasAfter.add(new ArrayList<>()));
        extras.forEach(extra -> extrasAfter.get(extra.after()).add(extra));
        String[] ids = new String[ordinary.size()];
        List<List<String>> rows = new ArrayList<>(ordinary.size() + extras.size());
        int next = 1;
        for (int i = 0; i < ordinary.size(); i++) {
            String[] row = ordinary.get(i).clone();
            row[0] = ids[i] = id(next++);
            rows.add(Arrays.asList(row));
            for (Extra extra : extrasAfter.get(i)) {
                String[] values = extra.values().clone();
                values[0] = extra.sameIdAs() >= 0 ? ids[extra.sameIdAs()] : id(next++);
                rows.add(Arrays.asList(values));
            }
        }
        return rows;
    }

    private String id(int number) {
        return idPrefix + String.format(Locale.ROOT, "%06d", number);
    }
}
