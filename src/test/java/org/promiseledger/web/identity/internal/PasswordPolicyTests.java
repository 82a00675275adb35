package org.promiseledger.web.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongPassphraseWithoutDigitsOrSymbols() {
        assertThat(policy.problems("gus", "purple elephants dance")).isEmpty();
    }

    @Test
    void refusesAPasswordShorterThanTwelveCharactersWhateverItsComposition() {
        assertThat(policy.problems("gus", "Xq7#pL!2vR9")).containsExactly(
                "A password needs at least 12 characters (a few words make a good one).");
    }

    @Test
    void refusesACommonPasswordFromTheShippedListInAnyLetterCase() {
        assertThat(policy.problems("gus", "1q2w3e4r5t6y")).contains("This password is one of the most common passwords: choose another.");
        assertThat(policy.problems("gus", "1Q2W3E4R5T6Y")).contains("This password is one of the most common passwords: choose another.");
    }

    @Test
    void refusesAPasswordContainingTheLoginName() {
        assertThat(policy.problems("gustav", "gustav-likes-long-walks")).contains("A password must not contain the login name.");
    }

    @Test
    void shipsTheTenThousandMostCommonPasswords() throws Exception {
        try (var in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            long words = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).count();
            assertThat(words).isEqualTo(10_000);
        }
    }
}
