package org.marketspine.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.marketspine.console.protocol.FeedChain;
import org.marketspine.console.protocol.SigningKeys;

/**
 * The keys this user trusts: feeds (whose checkpoints prove what they journaled) and exporters
 * (whose signature says who made a bundle), each by fingerprint with a name a person gave it.
 * Kept owner-only in the config directory ({@code trusted-keys.json}); a bundle is VERIFIED only
 * when both its feed key and its exporter key are here.
 */
public final class TrustList {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** "SHA256:" and 43 base64 characters (the padding is optional). */
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");

    /** What a trusted key may vouch for: a feed's checkpoints, an exporter's bundles, or (when not said) either. */
    public enum Role {
        FEED, EXPORTER, ANY;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** From the command line or the file: feed, exporter or any (blank: any). */
        public static Role of(String s) {
            if (s == null || s.isBlank()) return ANY;
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "feed" -> FEED;
                case "exporter" -> EXPORTER;
                case "any" -> ANY;
                default -> throw new IllegalArgumentException("role '" + s + "' is not feed, exporter or any");
            };
        }

        boolean serves(Role wanted) {
            return this == ANY || this == wanted;
        }
    }

    public record Entry(String fingerprint, String name, Instant addedAt, Role role) {
        public Entry(String fingerprint, String name, Instant addedAt) {
            this(fingerprint, name, addedAt, Role.ANY);
        }
    }

    private final Path file;
    private final List<Entry> entries;

    private TrustList(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    public static Path defaultFile() {
        return BundleKeys.configDir().resolve("trusted-keys.json");
    }

    /** The list in {@code file}; an absent file is an empty list. A file others can write or read is refused. */
    public static TrustList load(Path file) throws IOException {
        if (!Files.exists(file)) return new TrustList(file, List.of());
        requireOnlyOwnerWrites(file);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException("trust list " + file + " is not JSON (" + e.getMessage() + "); fix or remove it", e);
        }
        List<Entry> out = new ArrayList<>();
        for (JsonNode k : root.path("keys")) {
            String fp = k.path("fingerprint").asText("");
            if (!isFingerprint(fp)) throw new IOException("trust list " + file + ": '" + fp + "' is not a key fingerprint");
            Role role;
            try {
                role = Role.of(k.path("role").asText(null));
            } catch (IllegalArgumentException e) {
                throw new IOException("trust list " + file + ": " + e.getMessage(), e);
            }
            out.add(new Entry(fp, k.path("name").asText(""), parseTime(k.path("added_at").asText(null)), role));
        }
        return new TrustList(file, out);
    }

    /** A list of only these fingerprints, for one run ({@code --trust}); saved nowhere. */
    public static TrustList of(List<String> fingerprints) {
        List<Entry> out = new ArrayList<>();
        for (String fp : fingerprints) out.add(new Entry(fp.trim(), "trusted for this run (--trust)", null));
        return new TrustList(null, out);
    }

    public static boolean isFingerprint(String s) {
        return s != null && FINGERPRINT.matcher(s.trim()).matches();
    }

    public List<Entry> entries() {
        return entries;
    }

    /** This list and {@code more} together. */
    public TrustList with(TrustList more) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(more.entries);
        return new TrustList(file, all);
    }

    /** The entry that trusts {@code fingerprint} for {@code role}. */
    public Optional<Entry> find(String fingerprint, Role role) {
        return entries.stream().filter(e -> FeedChain.sameFingerprint(e.fingerprint(), fingerprint) && e.role().serves(role)).findFirst();
    }

    public TrustList add(String fingerprint, String name, Instant now) throws IOException {
        return add(fingerprint, name, Role.ANY, now);
    }

    /** Trusts a key for {@code role} (feed: its checkpoints; exporter: its bundles; any: either). */
    public TrustList add(String fingerprint, String name, Role role, Instant now) throws IOException {
        if (!isFingerprint(fingerprint)) throw new IOException("'" + fingerprint + "' is not a key fingerprint (SHA256: and 43–44 base64 characters)");
        if (name == null || name.isBlank()) throw new IOException("give the key a name (--name), e.g. \"Market Spine prod\"");
        List<Entry> next = new ArrayList<>(entries.stream().filter(e -> !FeedChain.sameFingerprint(e.fingerprint(), fingerprint)).toList());
        next.add(new Entry(fingerprint.trim(), name.trim(), now, role));
        return save(next);
    }

    public TrustList remove(String fingerprint) throws IOException {
        List<Entry> next = entries.stream().filter(e -> !FeedChain.sameFingerprint(e.fingerprint(), fingerprint)).toList();
        if (next.size() == entries.size()) throw new IOException(fingerprint + " is not in the trust list " + file);
        return save(next);
    }

    private TrustList save(List<Entry> next) throws IOException {
        if (file == null) throw new IllegalStateException("a --trust list is for one run and is never saved");
        ObjectNode root = JSON.createObjectNode();
        ArrayNode keys = root.putArray("keys");
        for (Entry e : next) {
            ObjectNode k = keys.addObject();
            k.put("fingerprint", e.fingerprint());
            k.put("name", e.name());
            if (e.addedAt() != null) k.put("added_at", e.addedAt().toString());
            k.put("role", e.role().wire());
        }
        SigningKeys.writeOwnerOnly(file, JSON.writeValueAsString(root));
        return new TrustList(file, next);
    }

    /** Whoever can write the list decides what verifies: a list others may write is refused. */
    private static void requireOnlyOwnerWrites(Path file) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (perms.contains(PosixFilePermission.GROUP_WRITE)
                || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException("trust list " + file + " may be changed by other users (" + PosixFilePermissions.toString(perms)
                    + "), so it cannot decide what is trusted; run: chmod 600 " + file);
        }
    }

    private static Instant parseTime(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
