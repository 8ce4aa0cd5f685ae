package cn.perf.domain.shared;

/**
 * What was asked for does not exist, or is outside the caller's scope: both look the same (404), so that a forged
 * id tells nothing about another unit's data.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
