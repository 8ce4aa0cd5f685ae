package cn.perf.domain.apitoken;

import cn.perf.domain.shared.DomainEventPublisher;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.Violation;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Personal API tokens (issue 11): a signed-in user creates one with a name and a validity of at most
 * {@value #MAX_DAYS} days, sees it once, lists and revokes their own. A token carries no roles or scope of its own:
 * a request with it acts as its owner, whose roles and units are read on every request like a page's. Only the
 * SHA-256 of the secret is stored ({@link TokenSecret}). Creating and revoking publish {@link ApiTokenEvent}s (the
 * audit log).
 */
@Named
public class ApiTokenService {

    /** Longest validity of a token. */
    public static final int MAX_DAYS = 365;
    /** Longest name. */
    public static final int MAX_NAME = 100;
    /** Usable (not revoked, not expired) tokens one account may hold at a time. */
    public static final int MAX_USABLE = 20;

    /** What a new token's form sends. */
    public record CreateToken(String username, String name, Integer validDays) {
    }

    /**
     * A token just made: the stored part, and the whole token text, which is shown this once and kept nowhere.
     */
    public record IssuedToken(ApiToken token, String text) {
        @Override
        public String toString() {
            return "IssuedToken[" + token.shownPrefix() + "_…]";
        }
    }

    /** Why a presented token was refused, or that it was accepted. */
    public enum Outcome {
        VALID, MALFORMED, UNKNOWN, EXPIRED, REVOKED, ACCOUNT_DISABLED
    }

    /**
     * The result of checking a presented token.
     *
     * @param username the owner (null unless the key id named a stored token)
     * @param tokenId  the token's id (null likewise)
     * @param keyId    the presented key id (null when malformed)
     */
    public record Check(Outcome outcome, String username, Long tokenId, String keyId) {
        public boolean valid() {
            return outcome == Outcome.VALID;
        }
    }

    /** Compared against when no token has the presented key id, so a refusal takes as long as a comparison. */
    private static final byte[] NO_DIGEST = TokenSecret.sha256("no such token");

    private final ApiTokens tokens;
    private final DomainEventPublisher events;
    private final Clock clock;

    @Inject
    public ApiTokenService(ApiTokens tokens, DomainEventPublisher events) {
        this(tokens, events, Clock.systemUTC());
    }

    public ApiTokenService(ApiTokens tokens, DomainEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /** The tokens of {@code username}, newest first. */
    @Transactional
    public List<ApiToken> list(String username) {
        return tokens.listFor(username);
    }

    /**
     * Makes a token for the signed-in user. All violations at once: {@code name} required and at most
     * {@value #MAX_NAME} characters, {@code validDays} from 1 to {@value #MAX_DAYS}, at most {@value #MAX_USABLE}
     * usable tokens.
     */
    @Transactional
    public IssuedToken create(CreateToken cmd) {
        Instant now = clock.instant();
        String name = cmd.name() == null ? "" : cmd.name().strip();
        List<Violation> violations = new ArrayList<>();
        if (name.isEmpty()) {
            violations.add(Violation.of("name", "apiToken.nameRequired", "请填写令牌名称"));
        } else if (name.length() > MAX_NAME) {
            violations.add(Violation.of("name", "apiToken.nameTooLong", "令牌名称最多 " + MAX_NAME + " 个字",
                    MAX_NAME));
        }
        if (cmd.validDays() == null || cmd.validDays() < 1 || cmd.validDays() > MAX_DAYS) {
            violations.add(Violation.of("validDays", "apiToken.validDays",
                    "有效期应为 1 至 " + MAX_DAYS + " 天", 1, MAX_DAYS));
        }
        if (tokens.countUsable(cmd.username(), now) >= MAX_USABLE) {
            violations.add(Violation.of("", "apiToken.tooMany", "可用的令牌已有 " + MAX_USABLE
                    + " 个，请先撤销不再使用的令牌", MAX_USABLE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        TokenSecret secret = TokenSecret.generate();
        Instant expires = now.plus(Duration.ofDays(cmd.validDays()));
        long id = tokens.insert(cmd.username(), name, secret.keyId(), secret.digest(), now, expires)
                .orElseThrow(() -> new NotFoundException("用户不存在：" + cmd.username()));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("keyId", secret.keyId());
        details.put("expiresAt", expires.toString());
        events.publish(new ApiTokenEvent(now, cmd.username(), ApiTokenEvent.CREATED, String.valueOf(id), details));
        ApiToken token = tokens.find(cmd.username(), id).orElseThrow();
        return new IssuedToken(token, secret.text());
    }

    /** Revokes one of the user's own tokens at once; someone else's (or a forged id) is {@link NotFoundException}. */
    @Transactional
    public void revoke(String username, long id) {
        ApiToken token = tokens.find(username, id).orElseThrow(() -> new NotFoundException("令牌不存在：" + id));
        if (tokens.revoke(username, id, clock.instant())) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("name", token.name());
            details.put("keyId", token.keyId());
            events.publish(new ApiTokenEvent(clock.instant(), username, ApiTokenEvent.REVOKED, String.valueOf(id),
                    details));
        }
    }

    /**
     * Checks a presented token: its form, its key id, its secret (constant time), its expiry, whether it was revoked
     * and whether its account is enabled. A valid token's use is recorded ({@code last_used_at}).
     */
    @Transactional
    public Check authenticate(String presented) {
        Optional<TokenSecret> parsed = TokenSecret.parse(presented);
        if (parsed.isEmpty()) {
            return new Check(Outcome.MALFORMED, null, null, null);
        }
        TokenSecret secret = parsed.get();
        Optional<ApiTokens.Stored> found = tokens.findByKeyId(secret.keyId());
        if (found.isEmpty()) {
            secret.matches(NO_DIGEST);
            return new Check(Outcome.UNKNOWN, null, null, secret.keyId());
        }
        if (!secret.matches(found.get().secretSha256())) {
            return new Check(Outcome.UNKNOWN, null, null, secret.keyId());
        }
        ApiTokens.Stored s = found.get();
        Instant now = clock.instant();
        Outcome outcome = s.revokedAt() != null ? Outcome.REVOKED
                : !now.isBefore(s.expiresAt()) ? Outcome.EXPIRED
                : !s.accountEnabled() ? Outcome.ACCOUNT_DISABLED
                : Outcome.VALID;
        if (outcome == Outcome.VALID) {
            tokens.markUsed(s.id(), now);
        }
        return new Check(outcome, s.username(), s.id(), s.keyId());
    }
}
