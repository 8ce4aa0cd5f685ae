package cn.perf.domain.declaration;

import java.util.List;

/** A submission refused because of blocking {@link DeclarationFinding}s; the message lists them in Chinese. */
public class DeclarationRuleException extends IllegalStateException {

    private final transient List<DeclarationFinding> findings;

    public DeclarationRuleException(List<DeclarationFinding> findings) {
        super("申报表未通过校验，不能提交：" + String.join("；",
                findings.stream().map(DeclarationFinding::message).toList()));
        this.findings = List.copyOf(findings);
    }

    public List<DeclarationFinding> findings() {
        return findings;
    }
}
