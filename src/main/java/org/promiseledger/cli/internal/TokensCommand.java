package org.promiseledger.cli.internal;

import java.util.List;
import java.util.concurrent.Callable;

import org.promiseledger.api.ApiTokens;
import org.promiseledger.api.TokenScope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tokens create|list|revoke}: personal API tokens from the command line, as HR's Tokens page makes them. */
@Component
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = "Personal API tokens for the REST API (Authorization: Bearer <token>): create, list, revoke.",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
public class TokensCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("say what to do: tokens create --user U --scope read|operate, tokens list, tokens revoke ID");
        return 2;
    }

    @Component
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates a token for a login and prints it once: only its hash is kept.",
                    "read: the login's reads; operate: also launch, approve, adjust and export (HR logins)."})
    static class Create implements Callable<Integer> {

        @Option(names = "--user", required = true, description = "the login the token signs in as (its role and reach)")
        String user;

        @Option(names = "--scope", required = true, description = "read or operate")
        String scope;

        @Option(names = "--label", description = "what the token is for, e.g. \"payroll system\"")
        String label;

        @Option(names = "--as", description = "who creates it, for the audit log (default: the operating-system user)")
        String as;

        private final ApiTokens tokens;

        Create(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Integer call() {
            try {
                ApiTokens.Created created = tokens.create(user, TokenScope.parse(scope), label, Actions.user(as));
                System.out.println(created.value());
                System.err.printf("Token %d for %s, scope %s. It is shown this once: store it now.%n", created.token().id(),
                        created.token().username(), created.token().scope().word());
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }

    @Component
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every token (never its value) with its uses.")
    static class ListTokens implements Callable<Integer> {

        private final ApiTokens tokens;

        ListTokens(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Integer call() {
            List<ApiTokens.Token> all = tokens.list();
            System.out.printf("%-5s %-20s %-8s %-24s %-8s %6s %s%n", "id", "login", "scope", "label", "state", "uses", "created");
            for (ApiTokens.Token t : all) {
                System.out.printf("%-5d %-20s %-8s %-24s %-8s %6d %s by %s%n", t.id(), t.username(), t.scope().word(),
                        t.label() == null ? "" : t.label(), t.active() ? "active" : "revoked", t.uses(), t.createdAt(), t.createdBy());
            }
            return 0;
        }
    }

    @Component
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a token at once.")
    static class Revoke implements Callable<Integer> {

        @Parameters(index = "0", description = "the token's id (tokens list)")
        long id;

        @Option(names = "--as", description = "who revokes it (default: the operating-system user)")
        String as;

        private final ApiTokens tokens;

        Revoke(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Integer call() {
            if (!tokens.revoke(id, Actions.user(as))) {
                System.err.println("token " + id + " is unknown or already revoked");
                return 2;
            }
            System.out.println("Token " + id + " revoked.");
            return 0;
        }
    }
}
