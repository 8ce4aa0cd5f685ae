package cn.perf.persistence.declaration;

import cn.perf.domain.declaration.SignedDeclarationPdf;
import cn.perf.domain.declaration.SignedDeclarationPdfs;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link SignedDeclarationPdfs} in plain JDBC on the caller's transaction: the PDF is one {@code bytea} value, written
 * once ({@code insert … on conflict do nothing}: the first signature of a version stays) and read back byte for byte.
 * No entity: nothing here is ever edited, and the bytes should not sit in a persistence context.
 */
@Component
public class JdbcSignedDeclarationPdfs implements SignedDeclarationPdfs {

    private final JdbcClient jdbc;

    public JdbcSignedDeclarationPdfs(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public boolean storeIfAbsent(SignedDeclarationPdf pdf) {
        return jdbc.sql("""
                        insert into declaration_signed_pdf
                            (declaration_id, declaration_version, pdf, sha256, signer, demo_key, signed_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (declaration_id, declaration_version) do nothing""")
                .params(pdf.declarationId(), pdf.declarationVersion(), pdf.pdf(), pdf.sha256(), pdf.signer(),
                        pdf.demoKey(), OffsetDateTime.ofInstant(pdf.signedAt(), ZoneOffset.UTC))
                .update() == 1;
    }

    @Override
    public Optional<SignedDeclarationPdf> latest(Long declarationId) {
        return jdbc.sql("""
                        select declaration_id, declaration_version, pdf, sha256, signer, demo_key, signed_at
                        from declaration_signed_pdf where declaration_id = ?
                        order by declaration_version desc limit 1""")
                .param(declarationId)
                .query((rs, n) -> new SignedDeclarationPdf(rs.getLong("declaration_id"),
                        rs.getLong("declaration_version"), rs.getBytes("pdf"), rs.getString("sha256"),
                        rs.getString("signer"), rs.getBoolean("demo_key"),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Override
    public boolean exists(Long declarationId) {
        return jdbc.sql("select exists (select 1 from declaration_signed_pdf where declaration_id = ?)")
                .param(declarationId).query(Boolean.class).single();
    }

    @Override
    public List<Long> approvedWithoutSignedPdf(int limit) {
        return jdbc.sql("""
                        select d.id from declaration d
                        where d.status in ('APPROVED', 'SUPERSEDED') and d.finance_grade is not null
                          and not exists (select 1 from declaration_signed_pdf s where s.declaration_id = d.id)
                        order by d.id limit ?""")
                .param(limit).query(Long.class).list();
    }
}
