package cn.perf.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.audit.AuditVerification.Kind;
import cn.perf.domain.audit.AuditVerification.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditVerifierTest {

    static List<AuditEntry> chain(int n) {
        List<AuditEntry> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("before.name", "旧" + seq);
            details.put("after.name", "新 \"" + seq + "\"\n");
            AuditRecord r = new AuditRecord(Instant.parse("2026-11-30T04:00:00.123456Z").plusSeconds(seq), "u" + seq,
                    "10.0.0." + seq, "declaration.edited", "declaration", String.valueOf(seq), details);
            String hash = AuditChain.hash(seq, prev, r);
            out.add(new AuditEntry(seq, r, prev, hash));
            prev = hash;
        }
        return out;
    }

    static AuditVerification verify(List<AuditEntry> entries, long headSeq, String headHash) {
        AuditVerifier v = new AuditVerifier(0, AuditChain.GENESIS);
        entries.forEach(v::accept);
        return v.finish(headSeq, headHash);
    }

    @Test
    void anUntouchedChainVerifies() {
        List<AuditEntry> c = chain(5);
        AuditVerification v = verify(c, 5, c.get(4).hash());
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(5);
        assertThat(v.describe()).contains("校验通过", "1–5");
    }

    @Test
    void anAlteredEntryIsNamed() {
        List<AuditEntry> c = new ArrayList<>(chain(5));
        AuditEntry e = c.get(2);
        AuditRecord r = e.record();
        c.set(2, new AuditEntry(3, new AuditRecord(r.occurredAt(), "someone", r.address(), r.action(),
                r.subjectType(), r.subjectId(), r.details()), e.prevHash(), e.hash()));
        assertThat(verify(c, 5, c.get(4).hash()).problems()).containsExactly(new Problem(Kind.ALTERED, 3, 3));
    }

    @Test
    void deletedEntriesAreNamedInTheMiddleAndAtTheEnd() {
        List<AuditEntry> c = new ArrayList<>(chain(6));
        String head = c.get(5).hash();
        c.remove(5);
        c.remove(2);
        c.remove(1);
        assertThat(verify(c, 6, head).problems()).containsExactly(new Problem(Kind.MISSING, 2, 3),
                new Problem(Kind.MISSING, 6, 6));
    }

    @Test
    void theHashCoversEveryFieldAndTheDetailsOrder() {
        AuditEntry e = chain(1).get(0);
        AuditRecord r = e.record();
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("after.name", r.details().get("after.name"));
        reordered.put("before.name", r.details().get("before.name"));
        List<AuditRecord> variants = List.of(
                new AuditRecord(r.occurredAt().plusNanos(1000), r.actor(), r.address(), r.action(), r.subjectType(),
                        r.subjectId(), r.details()),
                new AuditRecord(r.occurredAt(), r.actor(), null, r.action(), r.subjectType(), r.subjectId(),
                        r.details()),
                new AuditRecord(r.occurredAt(), r.actor(), r.address(), "declaration.approved", r.subjectType(),
                        r.subjectId(), r.details()),
                new AuditRecord(r.occurredAt(), r.actor(), r.address(), r.action(), "evaluation", r.subjectId(),
                        r.details()),
                new AuditRecord(r.occurredAt(), r.actor(), r.address(), r.action(), r.subjectType(), "2",
                        r.details()),
                new AuditRecord(r.occurredAt(), r.actor(), r.address(), r.action(), r.subjectType(), r.subjectId(),
                        reordered));
        for (AuditRecord v : variants) {
            assertThat(AuditChain.hash(1, e.prevHash(), v)).as(v.toString()).isNotEqualTo(e.hash());
        }
        assertThat(AuditChain.hash(2, e.prevHash(), r)).isNotEqualTo(e.hash());
        assertThat(e.intact()).isTrue();
    }

    @Test
    void detailsRoundTripThroughTheirJson() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("comment", "请补充\"佐证\"材料\\n\t\u0001\u2028");
        details.put("k", "");
        assertThat(DetailsJson.read(DetailsJson.write(details))).containsExactlyEntriesOf(details);
        assertThat(DetailsJson.write(details)).contains("请补充");
    }
}
