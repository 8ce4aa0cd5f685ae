-- HTTP sessions in PostgreSQL (Spring Session JDBC, issue 12 "more than one node"): any application node serves any
-- request, a node that dies logs nobody out, and "one session per user" is enforced across nodes through the
-- principal-name index (PRINCIPAL_NAME). Spring Session's own PostgreSQL schema (spring-session-jdbc 4.1,
-- org/springframework/session/jdbc/schema-postgresql.sql), unchanged so that its queries run as written; the
-- application never creates it itself (spring.session.jdbc.initialize-schema: never).
-- Ordinary logged tables on purpose: the streaming replica and the backups carry them, so a fail-over keeps users
-- signed in. Expired rows are deleted once a minute by one node (cn.perf.web.session.ExpiredSessionCleanup).
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID CHAR(36) NOT NULL,
    SESSION_ID CHAR(36) NOT NULL,
    CREATION_TIME BIGINT NOT NULL,
    LAST_ACCESS_TIME BIGINT NOT NULL,
    MAX_INACTIVE_INTERVAL INT NOT NULL,
    EXPIRY_TIME BIGINT NOT NULL,
    PRINCIPAL_NAME VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36) NOT NULL,
    ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES BYTEA NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);
