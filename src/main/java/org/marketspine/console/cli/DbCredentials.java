package org.marketspine.console.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.marketspine.console.feed.tls.SecretFiles;

/** A database user and password: SPINE_DB_USER / SPINE_DB_PASSWORD, overridden by an owner-only properties file. Never printed. */
record DbCredentials(String user, String password) {

    /** {@code option} names the file's option in messages. */
    static DbCredentials read(Path file, String option) throws IOException {
        String user = System.getenv("SPINE_DB_USER");
        String password = System.getenv("SPINE_DB_PASSWORD");
        if (file != null) {
            SecretFiles.requireOwnerOnly(file, option);
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
            user = p.getProperty("user", user);
            password = p.getProperty("password", password);
        }
        return new DbCredentials(user, password);
    }

    @Override
    public String toString() {
        return "DbCredentials[user=" + user + ", password=***]";
    }
}
