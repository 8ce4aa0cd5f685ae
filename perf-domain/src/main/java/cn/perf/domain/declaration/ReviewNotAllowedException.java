package cn.perf.domain.declaration;

/** The person may see the declaration but may not take this review step (a filer, or the wrong reviewer): 403. */
public class ReviewNotAllowedException extends RuntimeException {

    public ReviewNotAllowedException(String message) {
        super(message);
    }
}
