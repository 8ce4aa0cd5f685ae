package cn.perf.web.api;

import cn.perf.domain.idempotency.IdempotentRequests;
import cn.perf.domain.scope.Scope;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the API's writes honour {@code Idempotency-Key} ({@link IdempotentRequests}, the key claimed in the write's
 * transaction): a request is identified by its method, path and body; a retry of one that succeeded changes nothing
 * and says so in {@value #REPLAYED}. One place for every controller's saves, transitions and creates.
 */
@Component
public class ApiWrites {

    /** Response header: {@code true} when an Idempotency-Key found the request done before (nothing was changed). */
    public static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotentRequests idempotent;
    private final JsonMapper json;

    ApiWrites(IdempotentRequests idempotent, JsonMapper json) {
        this.idempotent = idempotent;
        this.json = json;
    }

    /**
     * Runs {@code action} at most once per {@code key} of the caller, then answers 200 with {@code answer} (read
     * after the write: the form as it is now) and {@value #REPLAYED}.
     *
     * @param request method and path, e.g. {@code POST /api/v1/declarations/5/submit}
     */
    public <T> ResponseEntity<T> once(Scope scope, String key, String request, Object body, Runnable action,
                                      Supplier<T> answer) {
        IdempotentRequests.Result<Boolean> result = idempotent.run(scope.username(), key, fingerprint(request, body),
                () -> {
                    action.run();
                    return true;
                });
        return ResponseEntity.ok().header(REPLAYED, String.valueOf(result.replayed())).body(answer.get());
    }

    /** Runs a create at most once per {@code key}: a retry gets the id the first request created. */
    public IdempotentRequests.Result<Long> create(Scope scope, String key, String request, Object body,
                                                  Supplier<Long> action) {
        return idempotent.create(scope.username(), key, fingerprint(request, body), action);
    }

    private String fingerprint(String request, Object body) {
        return body == null ? request : request + " " + json.writeValueAsString(body);
    }
}
