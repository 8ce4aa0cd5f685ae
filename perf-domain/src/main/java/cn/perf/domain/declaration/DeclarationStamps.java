package cn.perf.domain.declaration;

import java.util.Optional;

/**
 * Read-model port: a declaration's {@link DeclarationStamp}, read on every opening of its pages before a kept
 * rendering is served, so one indexed row and nothing else. Implemented by perf-persistence.
 */
public interface DeclarationStamps {

    Optional<DeclarationStamp> stamp(Long id);
}
