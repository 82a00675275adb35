package org.promiseledger.web.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

import org.passay.DictionaryRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResult;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.springframework.stereotype.Component;

/**
 * Rules for local passwords, after NIST SP 800-63B: length over composition (at least 12 characters, any characters,
 * no demands for digits or symbols), and never one of the 10,000 most common passwords (shipped in resources, any
 * letter case) nor one that contains the login name.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final String COMMON = "common-passwords.txt";

    private final PasswordValidator validator;

    public PasswordPolicy() {
        ArrayWordList common = new ArrayWordList(commonPasswords(), false);
        validator = new PasswordValidator(new LengthRule(MIN_LENGTH, MAX_LENGTH),
                new DictionaryRule(new WordListDictionary(common)), new UsernameRule(true, true));
    }

    /** What is wrong with the password, in words; empty when it may be used. */
    public List<String> problems(String username, String password) {
        RuleResult result = validator.validate(new PasswordData(username == null ? "" : username, password == null ? "" : password));
        if (result.isValid()) {
            return List.of();
        }
        return validator.getMessages(result).stream().map(PasswordPolicy::plain).distinct().toList();
    }

    private static String plain(String passayMessage) {
        if (passayMessage.startsWith("Password contains the dictionary word")) {
            return "This password is one of the most common passwords: choose another.";
        }
        if (passayMessage.startsWith("Password must be") && passayMessage.contains("or more")) {
            return "A password needs at least " + MIN_LENGTH + " characters (a few words make a good one).";
        }
        if (passayMessage.contains("user id")) {
            return "A password must not contain the login name.";
        }
        return passayMessage;
    }

    private static String[] commonPasswords() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON)) {
            if (in == null) {
                throw new IllegalStateException(COMMON + " is missing from the jar");
            }
            TreeSet<String> words = new TreeSet<>(WordLists.CASE_INSENSITIVE_COMPARATOR);
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(words::add);
            return words.toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
