package org.marketspine.console.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketspine.console.feed.Redact;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.tls.SecretFiles;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SigningKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code spine-console feed key}: the feed's own Ed25519 key, which signs its checkpoints. */
@Command(name = "key", description = "The feed's own Ed25519 key, which signs its checkpoints.", subcommands = FeedKeyCommand.Show.class)
final class FeedKeyCommand {
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the public key and fingerprint of the feed key beside a journal (never the private key).")
    static final class Show implements Callable<Integer> {
        @Option(names = "--journal", description = "The feed's journal file (its key is FILE.key.pem beside it).") Path journal;

        @Option(names = "--journal-url", paramLabel = "URL", description = "A shared PostgreSQL journal"
                + " (its key is stored in it).") String journalUrl;

        @Option(names = {"--journal-credentials", "--db-credentials"}, paramLabel = "FILE",
                description = "Properties file with user= and password= for --journal-url"
                        + " (default: SPINE_DB_USER / SPINE_DB_PASSWORD).") Path dbCredentials;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if ((journal == null) == (journalUrl == null)) {
                throw new ParameterException(spec.commandLine(), "give --journal FILE or --journal-url URL");
            }
            if (journalUrl != null) {
                DbCredentials credentials = DbCredentials.read(dbCredentials, "--journal-credentials");
                Message.FeedKey shared = Journal.sharedFeedKey(journalUrl, credentials.user(), credentials.password());
                if (shared == null) {
                    System.err.println("feed key show: no feed key in " + Redact.jdbcUrl(journalUrl)
                            + " yet; the first feed server started with --journal-url makes it");
                    return 2;
                }
                print(shared);
                return 0;
            }
            Path file = Journal.keyFile(journal);
            if (!Files.exists(file)) {
                System.err.println("feed key show: no feed key at " + file + " yet; the feed makes it when it first starts with --journal " + journal);
                return 2;
            }
            SecretFiles.requireOwnerOnly(file, "feed key");
            print(SigningKeys.load(file).wire());
            return 0;
        }

        private static void print(Message.FeedKey key) {
            System.out.println("algorithm    " + key.alg());
            System.out.println("public key   " + key.publicKey());
            System.out.println("fingerprint  " + key.fingerprint());
            System.out.println("Read the fingerprint to each auditor; they run: spine-console bundle trust add " + key.fingerprint()
                    + " --name \"<this feed>\"");
        }
    }
}
