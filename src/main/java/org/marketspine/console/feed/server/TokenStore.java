package org.marketspine.console.feed.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Role;

/**
 * Who may connect: the tokens file of FEED-PROTOCOL.md. Only SHA-256 hashes of tokens are stored;
 * a token itself exists only in the one line {@link #addToken} prints.
 */
public final class TokenStore {
    private static final Logger LOG = Logger.getLogger(TokenStore.class.getName());

    /** A connected identity. */
    public record Principal(String user, Role role) {}

    private final Map<String, Principal> byHash;
    private final boolean openAccess;

    private TokenStore(Map<String, Principal> byHash, boolean openAccess) {
        this.byHash = Map.copyOf(byHash);
        this.openAccess = openAccess;
    }

    /** No tokens: everyone is an operator. Only for the embedded demo on loopback. */
    public static TokenStore openAccess() {
        return new TokenStore(Map.of(), true);
    }

    public static TokenStore load(Path file) throws IOException {
        warnIfShared(file);
        JsonNode root = Codec.mapper().readTree(Files.readString(file));
        JsonNode users = root == null ? null : root.get("users");
        if (users == null || !users.isArray()) throw new IOException(file + ": expected {\"users\":[…]}");
        Map<String, Principal> byHash = new HashMap<>();
        int index = 0;
        for (JsonNode u : users) {
            String where = file + ": users[" + index++ + "]";
            String user = text(u, "user", where);
            String hash = text(u, "token_sha256", where).toLowerCase(Locale.ROOT);
            Role role;
            try {
                role = Role.valueOf(text(u, "role", where).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": role must be operator, analyst or auditor");
            }
            if (!hash.matches("[0-9a-f]{64}")) throw new IOException(where + ": token_sha256 must be 64 hex digits");
            byHash.put(hash, new Principal(user, role));
        }
        return new TokenStore(byHash, false);
    }

    private static String text(JsonNode node, String field, String where) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw new IOException(where + ": missing '" + field + "'");
        return v.asText();
    }

    public boolean isOpenAccess() {
        return openAccess;
    }

    /** The principal for a token, or null. With open access everyone is the local operator. */
    public Principal authenticate(String token) {
        if (openAccess) return new Principal(System.getProperty("user.name", "local"), Role.OPERATOR);
        if (token == null || token.isEmpty()) return null;
        return byHash.get(sha256(token));
    }

    public static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JDK", e);
        }
    }

    /**
     * Creates a random token for a user, appends its hash to the file (created owner-only if
     * new) and returns the token, which is shown once and never stored.
     */
    public static String addToken(Path file, String user, Role role) throws IOException {
        ObjectNode root;
        if (Files.exists(file)) {
            JsonNode existing = Codec.mapper().readTree(Files.readString(file));
            if (!(existing instanceof ObjectNode o) || !o.path("users").isArray()) {
                throw new IOException(file + ": not a tokens file (expected {\"users\":[…]})");
            }
            root = o;
        } else {
            root = Codec.mapper().createObjectNode();
            root.putArray("users");
        }
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        ObjectNode entry = ((ArrayNode) root.get("users")).addObject();
        entry.put("user", user);
        entry.put("role", role.wire());
        entry.put("token_sha256", sha256(token));
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tokens", ".tmp");
        try {
            restrictToOwner(tmp);
            Files.writeString(tmp, Codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        restrictToOwner(file);
        return token;
    }

    static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.warning("cannot set owner-only permissions on " + file + " (not a POSIX file system)");
        }
    }

    private static void warnIfShared(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                LOG.warning("tokens file " + file + " is readable by others (" + PosixFilePermissions.toString(perms)
                        + "); run: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.warning("cannot check permissions of " + file + ": " + e.getMessage());
        }
    }
}
