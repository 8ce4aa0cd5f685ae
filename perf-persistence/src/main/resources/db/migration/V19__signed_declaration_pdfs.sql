-- Issue 10, signed on approval: when the finance bureau approves a 申报表, its PDF is drawn, signed (detached SHA-256
-- CMS) and kept here exactly as signed — one per declaration version (cn.perf.domain.declaration.DeclarationSignatures).
-- The row is written in one statement after signing, so a crash mid-signing leaves nothing; the backfill signs the
-- approved declarations that have none. The database checks that the digest is the bytes' digest and refuses to
-- change a stored PDF.

create table declaration_signed_pdf (
    declaration_id      bigint       not null constraint fk_signed_pdf_declaration references declaration (id),
    declaration_version bigint       not null,
    pdf                 bytea        not null,
    sha256              char(64)     not null,
    signer              varchar(500) not null,   -- the signing certificate's CN
    demo_key            boolean      not null,   -- signed with the demo key (no bureau key configured)
    signed_at           timestamptz  not null,
    constraint pk_declaration_signed_pdf primary key (declaration_id, declaration_version),
    constraint ck_signed_pdf_sha256 check (sha256 = encode(sha256(pdf), 'hex')),
    constraint ck_signed_pdf_is_pdf check (substring(pdf from 1 for 5) = '\x255044462d'::bytea)  -- "%PDF-"
);

create function declaration_signed_pdf_unchanged() returns trigger language plpgsql as $$
begin
    raise exception 'declaration_signed_pdf rows are kept as signed: UPDATE refused' using errcode = 'insufficient_privilege';
end;
$$;

create trigger declaration_signed_pdf_unchanged before update on declaration_signed_pdf
    for each row execute function declaration_signed_pdf_unchanged();

-- A signing key the application keeps itself: the demo key, made once where no bureau key (perf.signing.keystore)
-- is configured, so that every node signs with the same key and no node keeps a key file of its own. It protects
-- nothing (anyone who reads the database has it): its certificate says 演示证书, and so does every PDF it signs.
create table signing_key (
    name        varchar(32) constraint pk_signing_key primary key,
    private_key bytea       not null,   -- PKCS#8, DER
    certificate bytea       not null,   -- X.509, DER
    created_at  timestamptz not null
);
