package org.marketspine.console.feed.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files that hold a secret (a key, a password, a token) are refused when others can read them (R8). */
public final class SecretFiles {
    private SecretFiles() {}

    /** Throws with the fix (chmod 600) when the file is group- or world-readable; a non-POSIX file system is let through. */
    public static void requireOwnerOnly(Path file, String option) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(option + ": no file at " + file);
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            throw new IOException(option + ": " + file + " holds a secret but is readable by others ("
                    + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file);
        }
    }
}
