package cn.perf.persistence.declaration;

import cn.perf.domain.declaration.DeclarationListRow;
import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.shared.ResultPage;

/** Spring Data fragment: the scoped, paged list query of {@link JpaDeclarations} (dynamic JPQL). */
interface DeclarationSearching {

    ResultPage<DeclarationListRow> search(Scope scope, DeclarationSearch search);

    void forEach(Scope scope, DeclarationSearch search, java.util.function.Consumer<DeclarationListRow> row);
}
