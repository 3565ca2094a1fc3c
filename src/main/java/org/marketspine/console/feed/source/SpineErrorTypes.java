package org.marketspine.console.feed.source;

import java.util.Set;
import org.marketspine.console.protocol.Classification;

/**
 * Whether a spine-core failure passes on retry, from its error type — the text before the first
 * colon of {@code core_executions.error}. spine-core's own error classes carry a default
 * {@code retryable} ({@code TransientError} and its network, timeout, rate-limit and database
 * connection kinds: yes; source, parse, validation, config, auth and operation errors: no); the
 * Python built-ins a handler lets escape are classified the same way. Anything else is unknown —
 * the operator reads the logs before retrying.
 */
final class SpineErrorTypes {
    private static final Set<String> TRANSIENT = Set.of("TransientError", "NetworkError", "TimeoutError", "RateLimitError",
            "DatabaseConnectionError", "SourceUnavailableError", "ConnectionError", "ConnectionResetError", "ConnectionRefusedError",
            "ConnectionAbortedError", "BrokenPipeError", "timeout", "ReadTimeout", "ConnectTimeout", "OperationalError");
    private static final Set<String> SYSTEMIC = Set.of("SourceError", "SourceNotFoundError", "ParseError", "ValidationError", "SchemaError",
            "ConstraintError", "ConfigError", "MissingConfigError", "InvalidConfigError", "AuthError", "AuthenticationError",
            "AuthorizationError", "OperationError", "OperationNotFoundError", "BadParamsError", "KeyError", "ValueError", "TypeError",
            "AttributeError", "IndexError", "ZeroDivisionError", "NotImplementedError", "FileNotFoundError", "PermissionError",
            "IntegrityError", "JSONDecodeError", "UnicodeDecodeError");

    private SpineErrorTypes() {}

    /** The classification a type implies, or UNKNOWN; a dotted name ({@code requests.exceptions.ReadTimeout}) by its last part. */
    static Classification of(String type) {
        if (type == null) return Classification.UNKNOWN;
        String t = type.substring(type.lastIndexOf('.') + 1).trim();
        if (TRANSIENT.contains(t)) return Classification.TRANSIENT;
        if (SYSTEMIC.contains(t)) return Classification.SYSTEMIC;
        return Classification.UNKNOWN;
    }
}
