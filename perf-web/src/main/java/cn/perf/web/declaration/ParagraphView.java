package cn.perf.web.declaration;

import cn.perf.domain.shared.Paragraphs;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Templates read stored text blocks as paragraphs ({@code ${@paragraphs.of(d.texts.overview)}}), each printed
 * with {@code th:text}: stored text is never rendered unescaped.
 */
@Component("paragraphs")
class ParagraphView {

    public List<String> of(String stored) {
        return Paragraphs.of(stored);
    }
}
