package cn.perf.domain.account;

import cn.perf.domain.shared.ResultPage;
import java.util.Optional;

/** Read-model port of the user administration pages; implemented by perf-persistence (one statement each). */
public interface AccountQueries {

    ResultPage<AccountRow> search(AccountSearch search);

    Optional<AccountRow> find(Long id);
}
