package org.promiseledger.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CustomerNumbersTests {

    @Test
    void numbersIdsDenselyInTheOrderTheyAreFirstSeen() {
        CustomerNumbers numbers = new CustomerNumbers();
        assertThat(numbers.numberOf("C001")).isZero();
        assertThat(numbers.numberOf("C002")).isEqualTo(1);
        assertThat(numbers.numberOf("C001")).isZero();
        assertThat(numbers.numberOf("C003")).isEqualTo(2);
        assertThat(numbers.size()).isEqualTo(3);
    }

    @Test
    void idsThatPackAndIdsThatDoNotAreTellApartExactly() {
        // packed: 1..15 characters below U+0100; the others are kept as strings
        List<String> ids = List.of("", "A", "A\0", "\0", "\0A", "ABCDEFGH", "ABCDEFGHI", "ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNOP",
                "ABCDEFGHIJKLMNOQ", "Müller-7", "Ÿ", "客户-0001", "客户-0002", "عميل", "ग्राहक", "C 1", "C1 ", "c1", "C1",
                "\u00ff\u00ff", "\u00ff\u00ff\u00ff");
        CustomerNumbers numbers = new CustomerNumbers();
        for (int i = 0; i < ids.size(); i++) {
            assertThat(numbers.numberOf(ids.get(i))).as(ids.get(i)).isEqualTo(i);
        }
        for (int i = ids.size() - 1; i >= 0; i--) {
            // a fresh string, not the same instance: equality by content
            assertThat(numbers.numberOf(new String(ids.get(i).toCharArray()))).as(ids.get(i)).isEqualTo(i);
        }
        assertThat(numbers.size()).isEqualTo(ids.size());
    }

    @Test
    void givesTheSameNumbersAsAMapAcrossManyGrowths() {
        Random random = new Random(7);
        Map<String, Integer> expected = new HashMap<>();
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            pool.add(switch (i % 4) {
                case 0 -> "C" + String.format("%07d", random.nextInt(1_000_000));
                case 1 -> "customer-" + random.nextInt(1_000_000) + "-of-a-long-list"; // longer than 15
                case 2 -> "顧客" + random.nextInt(100_000); // beyond U+00FF
                default -> Long.toString(random.nextLong(), 36);
            });
        }
        CustomerNumbers numbers = new CustomerNumbers();
        for (int i = 0; i < 300_000; i++) {
            String id = pool.get(random.nextInt(pool.size()));
            int number = numbers.numberOf(new String(id.toCharArray()));
            assertThat(number).as(id).isEqualTo(expected.computeIfAbsent(id, k -> expected.size()));
        }
        assertThat(numbers.size()).isEqualTo(expected.size());
    }
}
