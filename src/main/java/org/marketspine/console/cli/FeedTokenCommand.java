package org.marketspine.console.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.protocol.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code spine-console feed token}: the tokens file a feed server reads (and re-reads while it runs). */
@Command(name = "token", description = "Manage the tokens file. A running feed server applies changes within seconds.",
        subcommands = {FeedTokenCommand.Add.class, FeedTokenCommand.ListTokens.class, FeedTokenCommand.Revoke.class})
final class FeedTokenCommand {
    /** The file every token subcommand works on. */
    static final class TokensFile {
        @Option(names = "--tokens", required = true, paramLabel = "FILE", description = "Tokens file"
                + " (`add` creates it owner-only if missing).") Path path;
    }

    /** A subcommand on one user's tokens in the file: revoke and add. */
    abstract static class UserCommand implements Callable<Integer> {
        @Mixin
        TokensFile file = new TokensFile();

        @Option(names = "--user", required = true) String user;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List users, roles, when each token was made and expires, and a hash prefix — never a token.")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        TokensFile tokens = new TokensFile();

        @Override
        public Integer call() throws Exception {
            Instant now = Instant.now();
            System.out.printf("%-20s %-9s %-21s %-28s %s%n", "USER", "ROLE", "CREATED", "EXPIRES", "SHA-256");
            for (TokenStore.Entry e : TokenStore.load(tokens.path).entries()) {
                System.out.printf("%-20s %-9s %-21s %-28s %s…%n", e.user(), e.role().wire(),
                        e.created() == null ? "—" : e.created().toString(),
                        e.expires() == null ? "never" : e.expires() + (e.expiredAt(now) ? " (expired)" : ""),
                        e.tokenHash().substring(0, 12));
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Remove every token of a user; a running server ends their sessions within 5 s.")
    static final class Revoke extends UserCommand {
        @Override
        public Integer call() throws Exception {
            int n = TokenStore.revoke(file.path, user);
            if (n == 0) {
                System.err.println("no token of " + user + " in " + file.path + "; nothing changed");
                return 1;
            }
            System.err.println("revoked " + n + " token(s) of " + user + " in " + file.path);
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a token for a user, append its SHA-256 to the file, print the token once.")
    static final class Add extends UserCommand {
        @Option(names = "--role", required = true, description = "operator, analyst or auditor") String role;

        @Option(names = "--expires", paramLabel = "DURATION", description = "Refuse the token after this long: e.g. 90d, 12h"
                + " (default: never).") String expires;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Role r;
            try {
                r = Role.valueOf(role.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--role must be operator, analyst or auditor, not '" + role + "'");
            }
            Instant now = Instant.now();
            Instant until = expires == null ? null : now.plus(lifetime(expires));
            String token = TokenStore.addToken(file.path, user, r, now, until);
            System.out.println(token);
            System.err.println("token for " + user + " (" + r.wire() + ") added to " + file.path
                    + (until == null ? "" : ", valid until " + until.truncatedTo(ChronoUnit.SECONDS))
                    + "; it is shown only this once");
            return 0;
        }

        private Duration lifetime(String text) {
            Matcher m = Pattern.compile("(\\d+)([dh])").matcher(text.trim());
            if (!m.matches() || Long.parseLong(m.group(1)) <= 0) {
                throw new ParameterException(spec.commandLine(), "--expires takes a number of days or hours, e.g. 90d or 12h, not '" + text + "'");
            }
            long n = Long.parseLong(m.group(1));
            return m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
        }
    }
}
