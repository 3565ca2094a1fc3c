package org.marketspine.console.feed.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Role;

/**
 * Who may connect: the tokens file of FEED-PROTOCOL.md. Only SHA-256 hashes of tokens are stored;
 * a token itself exists only in the one line {@link #addToken} prints. An entry may expire; a
 * store loaded from a file knows the file, so the server can re-read it when it changes.
 */
public final class TokenStore {
    private static final Logger LOG = Logger.getLogger(TokenStore.class.getName());

    /** A connected identity; {@code tokenHash} ties a session to the entry that let it in (null with open access). */
    public record Principal(String user, Role role, String tokenHash) {
        public Principal(String user, Role role) {
            this(user, role, null);
        }
    }

    /** One line of the tokens file as {@code feed token list} shows it: never the token. */
    public record Entry(String user, Role role, String tokenHash, Instant created, Instant expires) {
        public boolean expiredAt(Instant now) {
            return expires != null && !now.isBefore(expires);
        }
    }

    private final Map<String, Entry> byHash;
    private final boolean openAccess;
    private final Path file;
    private final String fingerprint;

    private TokenStore(Map<String, Entry> byHash, boolean openAccess, Path file, String fingerprint) {
        this.byHash = Map.copyOf(byHash);
        this.openAccess = openAccess;
        this.file = file;
        this.fingerprint = fingerprint;
    }

    /** No tokens: everyone is an operator. Only for the embedded demo on loopback. */
    public static TokenStore openAccess() {
        return new TokenStore(Map.of(), true, null, null);
    }

    /**
     * The file as it is now, if it changed since this store was read (content, not only time);
     * this store otherwise. A file that became unreadable or invalid keeps the last good store
     * (said in the log): a typo in the file must not lock every operator out.
     */
    public TokenStore reloadIfChanged() {
        if (file == null) return this;
        try {
            String now = Files.readString(file);
            if (sha256(now).equals(fingerprint)) return this;
            TokenStore next = parse(file, now);
            LOG.info("tokens file " + file + " changed: " + next.byHash.size() + " token(s)");
            return next;
        } catch (IOException | RuntimeException e) {
            LOG.warning("cannot re-read tokens file " + file + " (" + e.getMessage() + "); keeping the tokens read before");
            return this;
        }
    }

    /** Whether the entry behind a connected principal still admits it now (not removed, not expired). */
    public boolean stillValid(Principal who, Instant now) {
        if (openAccess || who.tokenHash() == null) return true;
        Entry e = byHash.get(who.tokenHash());
        return e != null && !e.expiredAt(now) && e.user().equals(who.user()) && e.role() == who.role();
    }

    public List<Entry> entries() {
        return byHash.values().stream().sorted(Comparator.comparing(Entry::user).thenComparing(Entry::tokenHash)).toList();
    }

    public static TokenStore load(Path file) throws IOException {
        warnIfShared(file);
        return parse(file, Files.readString(file));
    }

    private static TokenStore parse(Path file, String content) throws IOException {
        JsonNode root = Codec.mapper().readTree(content);
        JsonNode users = root == null ? null : root.get("users");
        if (users == null || !users.isArray()) throw new IOException(file + ": expected {\"users\":[…]}");
        Map<String, Entry> byHash = new HashMap<>();
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
            byHash.put(hash, new Entry(user, role, hash, instant(u, "created", where), instant(u, "expires", where)));
        }
        return new TokenStore(byHash, false, file, sha256(content));
    }

    private static Instant instant(JsonNode node, String field, String where) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new IOException(where + ": '" + field + "' must be an ISO 8601 instant such as 2027-03-01T00:00:00Z");
        }
    }

    private static String text(JsonNode node, String field, String where) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw new IOException(where + ": missing '" + field + "'");
        return v.asText();
    }

    public boolean isOpenAccess() {
        return openAccess;
    }

    /** The principal for a token, or null (unknown or expired: the same refusal). With open access everyone is the local operator. */
    public Principal authenticate(String token, Instant now) {
        if (openAccess) return new Principal(System.getProperty("user.name", "local"), Role.OPERATOR);
        if (token == null || token.isEmpty()) return null;
        Entry e = byHash.get(sha256(token));
        return e == null || e.expiredAt(now) ? null : new Principal(e.user(), e.role(), e.tokenHash());
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
        return addToken(file, user, role, Instant.now(), null);
    }

    /** As {@link #addToken(Path, String, Role)}, with the token refused from {@code expires} on (null: never). */
    public static String addToken(Path file, String user, Role role, Instant created, Instant expires) throws IOException {
        ObjectNode root = readForUpdate(file);
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        ObjectNode entry = ((ArrayNode) root.get("users")).addObject();
        entry.put("user", user);
        entry.put("role", role.wire());
        entry.put("token_sha256", sha256(token));
        entry.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        if (expires != null) entry.put("expires", expires.truncatedTo(ChronoUnit.SECONDS).toString());
        write(file, root);
        return token;
    }

    /** Removes every token of {@code user}; returns how many. A running server ends their sessions within seconds. */
    public static int revoke(Path file, String user) throws IOException {
        if (!Files.exists(file)) throw new IOException("no tokens file at " + file);
        ObjectNode root = readForUpdate(file);
        ArrayNode users = (ArrayNode) root.get("users");
        int removed = 0;
        for (int i = users.size() - 1; i >= 0; i--) {
            if (user.equals(users.get(i).path("user").asText())) {
                users.remove(i);
                removed++;
            }
        }
        if (removed > 0) write(file, root);
        return removed;
    }

    private static ObjectNode readForUpdate(Path file) throws IOException {
        if (!Files.exists(file)) {
            ObjectNode root = Codec.mapper().createObjectNode();
            root.putArray("users");
            return root;
        }
        JsonNode existing = Codec.mapper().readTree(Files.readString(file));
        if (!(existing instanceof ObjectNode o) || !o.path("users").isArray()) {
            throw new IOException(file + ": not a tokens file (expected {\"users\":[…]})");
        }
        return o;
    }

    /** Written whole to a temporary owner-only file, then moved over: a reader never sees half a file. */
    private static void write(Path file, ObjectNode root) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tokens", ".tmp");
        try {
            restrictToOwner(tmp);
            Files.writeString(tmp, Codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        restrictToOwner(file);
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
