package cn.perf.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.perf.domain.account.AccountAdministration;
import cn.perf.domain.account.AccountCommands.OpenAccount;
import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.Role;
import cn.perf.domain.apitoken.ApiTokenService;
import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.evaluation.SelfEvaluationService;
import cn.perf.domain.imports.ImportFiling;
import cn.perf.domain.imports.ImportKind;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.web.evaluation.EvaluationFixtures;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix (三员分立 and data scope, DESIGN.md §4, §8): every endpoint the application maps
 * ({@link RequestMappingHandlerMapping}) × every role (one demo user each, and nobody signed in) × for an
 * endpoint with an id: a target in the caller's own unit, in another unit of the region, in another region. The
 * expected outcome of each comes from {@link #MATRIX}; an endpoint the application maps but the table does not
 * list fails the test, so every new endpoint must be added here (one line each). No response may carry data of
 * a unit the caller must not see. The API's endpoints ({@code /api/**}, {@code /v3/api-docs}) are called as a
 * program calls them: with the caller's own personal API token.
 *
 * <p>Outcomes: {@code OK} the handler ran for the caller (200, 201, 409, 422, or a redirect that is not to the login page),
 * {@code 401} (the API without a token), {@code 403}, {@code 404}, {@code LOGIN} a redirect to the login page, {@code ANY} not checked (only for
 * {@code /error}, whose status is whatever failed). A column with three outcomes {@code own/other/region} is for an
 * id endpoint's three targets; a single outcome applies to all three.
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
class AuthorizationMatrixTest {

    /** The callers, in the order of the table's columns after the anonymous one. */
    static final List<String> USERS = List.of(
            "filer-001239",     // FILER                苏州市城市管理局
            "leader-001239",    // UNIT_LEADER          苏州市城市管理局
            "reviewer-001239",  // DEPARTMENT_REVIEWER  苏州市城市管理局 (主管部门)
            "finance",          // FINANCE_REVIEWER     苏州市财政局
            "admin",            // SYSTEM_ADMIN         苏州市财政局
            "security",         // SECURITY_ADMIN       苏州市财政局
            "auditor");         // AUDIT_ADMIN          苏州市财政局

    /**
     * One line per endpoint: {@code METHOD path | anonymous | FILER LEADER DEPT FINANCE SYSTEM SECURITY AUDIT}.
     * Targets of {id}: own = 苏州市城市管理局 (the unit of the first three callers), other = 苏州市住房和城乡建设局,
     * region = 济宁市高新区综合行政执法局. For /admin/users/{id}: an account in that unit.
     */
    static final List<String> MATRIX = List.of(
            // METHOD path                               | anon  | FILER      LEADER     DEPT       FINANCE   SYSTEM SECURITY AUDIT
            "GET    /                                    | LOGIN | OK         OK         OK         OK        OK     OK     OK",
            "GET    /login                               | OK    | OK         OK         OK         OK        OK     OK     OK",
            "*      /error                               | ANY   | ANY        ANY        ANY        ANY       ANY    ANY    ANY",
            // 绩效目标申报 (business roles only; scope decides the rest: another unit's form is 404)
            "GET    /declarations                        | LOGIN | OK         OK         OK         OK        403    403    403",
            "GET    /declarations/new                    | LOGIN | OK         OK         404        404       403    403    403",
            "POST   /declarations                        | LOGIN | OK         OK         404        404       403    403    403",
            "GET    /declarations/{id}                   | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "GET    /declarations/{id}/edit              | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "POST   /declarations/{id}/edit              | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "POST   /declarations/{id}/copy              | LOGIN | OK/404/404 OK/404/404 404        404       403    403    403",
            "POST   /declarations/{id}/submit            | LOGIN | OK/404/404 OK/404/404 404        404       403    403    403",
            "POST   /declarations/form/rows              | LOGIN | OK         OK         OK         OK        403    403    403",
            "POST   /declarations/form/checks            | LOGIN | OK         OK         OK         OK        403    403    403",
            "POST   /declarations/form/lint              | LOGIN | OK         OK         OK         OK        403    403    403",
            "POST   /declarations/form/reading           | LOGIN | OK         OK         OK         OK        403    403    403",
            // review workflow: reviewers act; filers may start a 目标调整 of their own unit's form
            "POST   /declarations/{id}/review            | LOGIN | 403/404/404 403/404/404 OK/404/404 OK/OK/404 403 403  403",
            "GET    /declarations/{id}/history           | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "POST   /declarations/{id}/adjustment        | LOGIN | OK/404/404 OK/404/404 404        404       403    403    403",
            "GET    /declarations/{id}/diff              | LOGIN | 404        404        404        404       403    403    403",
            // 绩效自评 (targets: a 草稿 self-evaluation per unit; for /declarations/{id}/evaluation a 草稿 declaration,
            // so a start is refused with a message and nothing is created). Every POST carries a stale version: the
            // handler runs and changes nothing (a stale save is a 409 with the typed values, a stale step a message).
            "GET    /evaluations                         | LOGIN | OK         OK         OK         OK        403    403    403",
            "POST   /declarations/{id}/evaluation        | LOGIN | OK/404/404 OK/404/404 403/404/404 403/403/404 403 403 403",
            "GET    /evaluations/{id}                    | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "GET    /evaluations/{id}/edit               | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "POST   /evaluations/{id}/edit               | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "POST   /evaluations/{id}/preview            | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "POST   /evaluations/{id}/submit             | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "POST   /evaluations/{id}/review             | LOGIN | 403/404/404 403/404/404 OK/404/404 OK/OK/404 403 403  403",
            "GET    /evaluations/{id}/compare            | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            // 待办 and deadlines
            "GET    /todo                                | LOGIN | OK         OK         OK         OK        403    403    403",
            "GET    /todo/count                          | LOGIN | OK         OK         OK         OK        403    403    403",
            "POST   /todo/messages/{id}/read             | LOGIN | OK         OK         OK         OK        403    403    403",
            "GET    /admin/deadlines                     | LOGIN | 403        403        403        OK        OK     403    403",
            "POST   /admin/deadlines                     | LOGIN | 403        403        403        OK        OK     403    403",
            // the official PDF and Excel file of a form: the same scope as its read view (a self-evaluation target: see "evaluations")
            "GET    /declarations/{id}/pdf               | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "GET    /evaluations/{id}/pdf                | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "GET    /declarations/{id}/xlsx              | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "GET    /evaluations/{id}/xlsx               | LOGIN | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            // a list's search exported whole: the list's own scope decides which rows
            "GET    /declarations/summary.xlsx           | LOGIN | OK         OK         OK         OK        403    403    403",
            "GET    /declarations/pdfs.zip               | LOGIN | OK         OK         OK         OK        403    403    403",
            "GET    /evaluations/summary.xlsx            | LOGIN | OK         OK         OK         OK        403    403    403",
            "GET    /evaluations/pdfs.zip                | LOGIN | OK         OK         OK         OK        403    403    403",
            // a list's search queued as a background export (issue 12): the browser goes to the job's page
            "POST   /declarations/summary.xlsx           | LOGIN | OK         OK         OK         OK        403    403    403",
            "POST   /declarations/pdfs.zip               | LOGIN | OK         OK         OK         OK        403    403    403",
            "POST   /evaluations/summary.xlsx            | LOGIN | OK         OK         OK         OK        403    403    403",
            "POST   /evaluations/pdfs.zip                | LOGIN | OK         OK         OK         OK        403    403    403",
            // 我的导出: a job and its file are its owner's only (another user's, even of the same unit, is 404;
            // targets: a finished export of filer-001239, of filer-001276 and of filer-jining)
            "GET    /exports                             | LOGIN | OK         OK         OK         OK        403    403    403",
            "GET    /exports/{id}                        | LOGIN | OK/404/404 404        404        404       403    403    403",
            "GET    /exports/{id}/status                 | LOGIN | OK/404/404 404        404        404       403    403    403",
            "GET    /exports/{id}/file                   | LOGIN | OK/404/404 404        404        404       403    403    403",
            // the signed PDF: the targets are drafts, so none has one — a 404 page for who sees them, the 404 of scope
            // for who does not (SignedOnApprovalTest checks the scope of an approved one)
            "GET    /declarations/{id}/signed.pdf        | LOGIN | 404        404        404        404       403    403    403",
            // 导入导出 (those who file; an upload is its owner's only: another user's, even of the same unit, is 404;
            // targets: an upload of filer-001239, of filer-001276 and of filer-jining)
            "GET    /imports                             | LOGIN | OK         OK         403        403       403    403    403",
            "POST   /imports                             | LOGIN | OK         OK         403        403       403    403    403",
            "GET    /imports/{id}                        | LOGIN | OK/404/404 404        403        403       403    403    403",
            "POST   /imports/{id}/confirm                | LOGIN | OK/404/404 404        403        403       403    403    403",
            // own password and own API tokens (everyone signed in; a token id of someone else's is 404 for all);
            // unlocking accounts (安全管理员 only)
            "GET    /account/password                    | LOGIN | OK         OK         OK         OK        OK     OK     OK",
            "POST   /account/password                    | LOGIN | OK         OK         OK         OK        OK     OK     OK",
            "GET    /account/tokens                      | LOGIN | OK         OK         OK         OK        OK     OK     OK",
            "POST   /account/tokens                      | LOGIN | OK         OK         OK         OK        OK     OK     OK",
            "POST   /account/tokens/{id}/revoke          | LOGIN | 404        404        404        404       404    404    404",
            // the JSON API (issue 11), called with each caller's own API token (anonymous: no token). The same URL
            // rules and scope as the pages; refusals are problem details (401 instead of the login page). Writes send
            // a stale version: the handler runs and changes nothing (409).
            "GET    /api/v1/units                        | 401   | OK         OK         OK         OK        403    403    403",
            "GET    /api/v1/declarations                 | 401   | OK         OK         OK         OK        403    403    403",
            "GET    /api/v1/declarations/{id}            | 401   | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "PUT    /api/v1/declarations/{id}            | 401   | OK/404/404 OK/404/404 404        404       403    403    403",
            "POST   /api/v1/declarations/{id}/submit     | 401   | OK/404/404 OK/404/404 404        404       403    403    403",
            "GET    /api/v1/declarations/{id}/findings   | 401   | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "GET    /api/v1/declarations/{id}/history    | 401   | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "GET    /api/v1/declarations/{id}/pdf        | 401   | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "GET    /api/v1/declarations/{id}/xlsx       | 401   | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "GET    /api/v1/evaluations                  | 401   | OK         OK         OK         OK        403    403    403",
            "GET    /api/v1/evaluations/{id}             | 401   | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "GET    /api/v1/evaluations/{id}/pdf         | 401   | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            // the API's creates and transitions: the pages' outcomes (a create by a reviewer, who files for no unit,
            // is 404 as the 新增 page; a refused create is 422; targets of /declarations/{id}/evaluation are drafts,
            // so a start is refused, 409 workflow, and nothing is created; every other write sends a stale version)
            "POST   /api/v1/declarations                 | 401   | OK         OK         404        404       403    403    403",
            "POST   /api/v1/declarations/{id}/review     | 401   | 403/404/404 403/404/404 OK/404/404 OK/OK/404 403 403  403",
            "POST   /api/v1/declarations/{id}/evaluation | 401   | OK/404/404 OK/404/404 403/404/404 403/403/404 403 403 403",
            "GET    /api/v1/evaluations/{id}/findings    | 401   | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "PUT    /api/v1/evaluations/{id}             | 401   | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "POST   /api/v1/evaluations/{id}/submit      | 401   | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            "POST   /api/v1/evaluations/{id}/review      | 401   | 403/404/404 403/404/404 OK/404/404 OK/OK/404 403 403  403",
            // the scoring preview reads and stores no form: the business roles, no scope
            "GET    /api/v1/scoring/regimes              | 401   | OK         OK         OK         OK        403    403    403",
            "POST   /api/v1/scoring/preview              | 401   | OK         OK         OK         OK        403    403    403",
            "GET    /api/v1/evaluations/{id}/xlsx        | 401   | OK/404/404 OK/404/404 OK/404/404 OK/OK/404 403    403    403",
            // a list's search queued as a background export by a program, and its jobs: the pages' 我的导出 (a job and
            // its file are its owner's only; targets: the finished exports above). The create sends no kind: the handler
            // runs and refuses it (422), nothing is queued
            "POST   /api/v1/exports                      | 401   | OK         OK         OK         OK        403    403    403",
            "GET    /api/v1/exports                      | 401   | OK         OK         OK         OK        403    403    403",
            "GET    /api/v1/exports/{id}                 | 401   | OK/404/404 404        404        404       403    403    403",
            "GET    /api/v1/exports/{id}/file            | 401   | OK/404/404 404        404        404       403    403    403",
            // its OpenAPI document (any signed-in caller, token or session) and the Swagger UI (a page)
            "GET    /v3/api-docs                         | 401   | OK         OK         OK         OK        OK     OK     OK",
            "GET    /v3/api-docs/swagger-config          | 401   | OK         OK         OK         OK        OK     OK     OK",
            "GET    /v3/api-docs.yaml                    | 401   | OK         OK         OK         OK        OK     OK     OK",
            "GET    /swagger-ui.html                     | LOGIN | OK         OK         OK         OK        OK     OK     OK",
            "GET    /admin/security/locks                | LOGIN | 403        403        403        403       403    OK     403",
            "POST   /admin/security/locks/unlock         | LOGIN | 403        403        403        403       403    OK     403",
            // 审计 (审计管理员 only)
            "GET    /admin/audit                         | LOGIN | 403        403        403        403       403    403    OK",
            "GET    /admin/audit/export.csv              | LOGIN | 403        403        403        403       403    403    OK",
            "POST   /admin/audit/verify                  | LOGIN | 403        403        403        403       403    403    OK",
            // 用户管理, 单位管理 (系统管理员 only)
            "GET    /admin/users                         | LOGIN | 403        403        403        403       OK     403    403",
            "GET    /admin/users/new                     | LOGIN | 403        403        403        403       OK     403    403",
            "POST   /admin/users                         | LOGIN | 403        403        403        403       OK     403    403",
            "GET    /admin/users/{id}/edit               | LOGIN | 403        403        403        403       OK     403    403",
            "POST   /admin/users/{id}/edit               | LOGIN | 403        403        403        403       OK     403    403",
            "POST   /admin/users/{id}/disable            | LOGIN | 403        403        403        403       OK     403    403",
            "POST   /admin/users/{id}/enable             | LOGIN | 403        403        403        403       OK     403    403",
            "POST   /admin/users/{id}/password           | LOGIN | 403        403        403        403       OK     403    403",
            "GET    /admin/units                         | LOGIN | 403        403        403        403       OK     403    403",
            "GET    /admin/units/new                     | LOGIN | 403        403        403        403       OK     403    403",
            "POST   /admin/units                         | LOGIN | 403        403        403        403       OK     403    403",
            "GET    /admin/units/{id}/edit               | LOGIN | 403        403        403        403       OK     403    403",
            "POST   /admin/units/{id}/edit               | LOGIN | 403        403        403        403       OK     403    403");

    /** URL rules for pages that other issues add: checked even before their controllers exist (404 = allowed). */
    static final List<String> RESERVED = List.of(
            // METHOD path                               | anon  | FILER      LEADER     DEPT       FINANCE   SYSTEM SECURITY AUDIT
            "GET    /admin/security                      | LOGIN | 403        403        403        403       403    OK     403",
            "GET    /admin/anything-else                 | LOGIN | 403        403        403        403       403    403    403");

    /** Parameters an endpoint needs besides {@code version=-1} (every POST sends a stale version). */
    static final Map<String, String[]> PARAMS = Map.of(
            "POST /declarations/form/rows", new String[] {"_op", "refresh:indicators"},
            "POST /declarations/form/reading", new String[] {"row", "0"},
            "POST /declarations/{id}/review", new String[] {"decision", "APPROVE", "grade", "EXCELLENT"},
            "POST /evaluations/{id}/preview", new String[] {"layout", "SUZHOU_2017"},
            "POST /evaluations/{id}/review", new String[] {"action", "START"},
            "POST /admin/deadlines", new String[] {"year", "2030"},
            "POST /admin/security/locks/unlock", new String[] {"username", "nobody-locked"});

    /** JSON bodies of the API's writes (a stale version everywhere: the handler runs, nothing is changed). */
    static final Map<String, String> JSON_BODIES = Map.of(
            "PUT /api/v1/declarations/{id}", "{\"version\": -1, \"content\": {}}",
            "POST /api/v1/declarations/{id}/submit", "{\"version\": -1}",
            "POST /api/v1/declarations", "{\"layout\": \"SUZHOU\", \"year\": 2030, \"content\": {}}",
            "POST /api/v1/declarations/{id}/review", "{\"version\": -1, \"decision\": \"APPROVE\", "
                    + "\"grade\": \"EXCELLENT\"}",
            "PUT /api/v1/evaluations/{id}", "{\"version\": -1}",
            "POST /api/v1/evaluations/{id}/submit", "{\"version\": -1}",
            "POST /api/v1/evaluations/{id}/review", "{\"version\": -1, \"action\": \"START\"}",
            "POST /api/v1/exports", "{\"year\": 2030}",
            "POST /api/v1/scoring/preview", "{\"regimeId\": \"SUZHOU_2017\", \"rows\": [{\"category\": \"产出\", "
                    + "\"name\": \"上线模块数\", \"target\": \"≥10个\", \"actual\": \"10个\"}]}");

    enum Target { OWN, OTHER, REGION }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    DeclarationService declarations;
    @Autowired
    AccountAdministration accounts;
    @Autowired
    ScopeResolver scopes;
    @Autowired
    BudgetUnits units;
    @Autowired
    Declarations declarationRepository;
    @Autowired
    SelfEvaluationService selfEvaluations;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ImportFiling imports;
    @Autowired
    ApiTokenService apiTokens;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Each caller's personal API token, for the API's endpoints. */
    final Map<String, String> tokens = new LinkedHashMap<>();

    /** Per kind of path variable owner ("declarations", "users", "units"): the id of each target. */
    final Map<String, Map<Target, Long>> ids = new LinkedHashMap<>();
    /** Text that only callers who may see a target's unit may ever receive. */
    final Map<Target, String> markers = new LinkedHashMap<>();

    @BeforeEach
    void targets() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<Target, Long> unitIds = Map.of(
                Target.OWN, unit(DemoOrganization.CHENGGUAN),
                Target.OTHER, unit(DemoOrganization.ZHUJIAN),
                Target.REGION, unit(DemoOrganization.JINING_ZHIFA));
        ids.put("units", unitIds);
        Map<Target, Long> declarationIds = new LinkedHashMap<>();
        Map<Target, Long> accountIds = new LinkedHashMap<>();
        AccountProfile admin = scopes.viewer("admin").profile();
        for (Target t : Target.values()) {
            String marker = "矩阵" + t + run;
            markers.put(t, marker);
            declarationIds.put(t, declarations.startSuzhou(unitIds.get(t), FiscalYear.of(2030),
                    new SuzhouHeader(marker, "信息化工程及维护类", null, null, null, null, null, null)));
            accountIds.put(t, accounts.open(admin, new OpenAccount("matrix-" + t.name().toLowerCase() + "-" + run,
                    "矩阵用户" + t, unitIds.get(t), EnumSet.of(Role.FILER), "Matrix#" + run)));
        }
        ids.put("declarations", declarationIds);
        // /evaluations/{id}: a 草稿 self-evaluation of an approved declaration in each target's unit
        EvaluationFixtures fixtures = new EvaluationFixtures(declarations, declarationRepository, units, transactions);
        Map<Target, Long> evaluationIds = new LinkedHashMap<>();
        for (Target t : Target.values()) {
            long approved = fixtures.approvedSuzhou(name(unitIds.get(t)), markers.get(t) + "自评",
                    EvaluationFixtures.Row.suzhou("产出", "平台上线模块数", "≥8个"));
            evaluationIds.put(t, selfEvaluations.startFromDeclaration(approved).id());
        }
        ids.put("evaluations", evaluationIds);
        // /imports/{id}: an upload waiting for confirmation, of a filer of each target's unit (not a workbook: its
        // preview shows the refusal, its confirmation stores nothing)
        Map<Target, String> uploaders = Map.of(Target.OWN, "filer-001239", Target.OTHER, "filer-001276",
                Target.REGION, "filer-jining");
        Map<Target, Long> importIds = new LinkedHashMap<>();
        for (Target t : Target.values()) {
            importIds.put(t, imports.stage(scopes.viewer(uploaders.get(t)), ImportKind.NEW_DECLARATION,
                    unitIds.get(t), "matrix.xlsx", "not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        ids.put("imports", importIds);
        // /exports/{id}: a finished export of a filer of each target's unit (stored as done: no worker involved)
        Map<Target, Long> exportIds = new LinkedHashMap<>();
        for (Target t : Target.values()) {
            exportIds.put(t, jdbc.queryForObject("""
                    insert into export_job (owner, kind, parameters, title, status, attempts, created_at, finished_at,
                                            expires_at, file_name, content_type, content, row_count)
                    values (?, 'DECLARATION_SUMMARY', '{}', ?, 'DONE', 1, now(), now(), now() + interval '1 day',
                            'matrix.xlsx', 'application/octet-stream', convert_to(?, 'UTF8'), 0)
                    returning id""", Long.class, uploaders.get(t), markers.get(t) + "导出", markers.get(t)));
        }
        ids.put("exports", exportIds);
        // /todo/messages/{id}/read: ids of nobody's message (another user's or a forged id changes nothing)
        ids.put("todo", declarationIds);
        ids.put("users", accountIds);
        // /account/tokens/{id}/revoke: a token of each target's matrix account, which no caller owns
        Map<Target, Long> tokenIds = new LinkedHashMap<>();
        for (Target t : Target.values()) {
            tokenIds.put(t, apiTokens.create(new ApiTokenService.CreateToken("matrix-" + t.name().toLowerCase() + "-"
                    + run, "矩阵令牌", 1)).token().id());
        }
        ids.put("tokens", tokenIds);
        for (String who : USERS) {
            tokens.computeIfAbsent(who, u -> apiTokens.create(new ApiTokenService.CreateToken(u, "矩阵", 1)).text());
        }
    }

    @Test
    void everyMappedEndpointIsInTheTable() {
        Set<String> mapped = new TreeSet<>(endpoints());
        Set<String> listed = new TreeSet<>(parse(MATRIX).keySet());
        assertThat(mapped).as("endpoints the application maps but the matrix does not list: add a line to MATRIX")
                .isSubsetOf(listed);
        assertThat(listed).as("lines of MATRIX for endpoints the application no longer maps").isSubsetOf(mapped);
    }

    @Test
    void everyRoleGetsExactlyWhatTheTableSaysAndNoResponseLeaksAnotherUnitsData() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Row> e : parse(MATRIX).entrySet()) {
            check(e.getKey(), e.getValue(), false, failures);
        }
        for (Map.Entry<String, Row> e : parse(RESERVED).entrySet()) {
            check(e.getKey(), e.getValue(), true, failures);
        }
        assertThat(failures).as("requests whose outcome differs from the matrix").isEmpty();
    }

    // ------------------------------------------------------------------ the checks

    /** @param reserved a page not built yet: 404 counts as {@code OK} (the URL rules let the request through) */
    private void check(String endpoint, Row row, boolean reserved, List<String> failures) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
        String owner = pattern.contains("{id}") ? pattern.split("/")[pattern.startsWith("/admin/")
                || pattern.startsWith("/account/") ? 2 : pattern.startsWith("/api/v1/") ? 3 : 1] : null;
        for (int caller = -1; caller < USERS.size(); caller++) {
            String who = caller < 0 ? null : USERS.get(caller);
            String[] expected = caller < 0 ? row.anonymous() : row.roles().get(caller);
            for (Target target : owner == null ? new Target[] {Target.OWN} : Target.values()) {
                String url = owner == null ? pattern
                        : pattern.replace("{id}", String.valueOf(ids.get(owner).get(target)));
                String want = expected.length == 1 ? expected[0] : expected[target.ordinal()];
                MockHttpServletResponse response = perform(method, url, who);
                String got = outcome(response);
                if (reserved && "404".equals(got)) {
                    got = "OK";
                }
                String label = method + " " + url + (owner == null ? "" : " (" + target + ")") + " as "
                        + (who == null ? "anonymous" : who);
                if (!"ANY".equals(want) && !want.equals(got)) {
                    failures.add(label + ": expected " + want + ", got " + got + " (" + response.getStatus() + " "
                            + response.getRedirectedUrl() + ")");
                }
                String body = response.getContentAsString();
                for (Target hidden : invisibleTo(who)) {
                    if (body.contains(markers.get(hidden))) {
                        failures.add(label + ": the response shows " + hidden + "'s data");
                    }
                }
            }
        }
    }

    /** What each caller must never see: declarations of units outside its scope. */
    private static Set<Target> invisibleTo(String who) {
        if (who == null) {
            return EnumSet.allOf(Target.class);
        }
        return switch (who) {
            case "filer-001239", "leader-001239", "reviewer-001239" -> EnumSet.of(Target.OTHER, Target.REGION);
            case "finance" -> EnumSet.of(Target.REGION);
            // administrators see no forms; account and unit names are theirs to manage, markers are projects
            default -> EnumSet.allOf(Target.class);
        };
    }

    private MockHttpServletResponse perform(String method, String url, String who) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(
                HttpMethod.valueOf("*".equals(method) ? "GET" : method), url);
        if (url.startsWith("/api/") || url.startsWith("/v3/")) {
            // a program: its own API token, no session, no CSRF token; writes send JSON
            if (who != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get(who));
            }
            String body = JSON_BODIES.get(method + " " + pattern(url));
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(body);
            }
            return mvc.perform(request).andReturn().getResponse();
        }
        if ("POST".equals(method)) {
            // a stale version everywhere: the handler runs, nothing is changed
            request.with(csrf()).param("version", "-1");
            String[] extra = PARAMS.getOrDefault(method + " " + pattern(url), new String[0]);
            for (int i = 0; i + 1 < extra.length; i += 2) {
                request.param(extra[i], extra[i + 1]);
            }
        }
        if (who != null) {
            request.with(user(users.loadUserByUsername(who)));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String pattern(String url) {
        return url.replaceAll("/\\d+(?=/|$)", "/{id}");
    }

    private static String outcome(MockHttpServletResponse r) {
        int status = r.getStatus();
        String location = r.getRedirectedUrl();
        if (status == 302 && location != null && location.matches("(https?://[^/]+)?/login.*")) {
            return "LOGIN";
        }
        if (status == 401 || status == 403 || status == 404) {
            return String.valueOf(status);
        }
        // (an API create answers 201; content an API write refuses, after the URL rules and the scope, 422)
        if (status == 200 || status == 201 || status == 409 || status == 422 || (status >= 300 && status < 400)) {
            return "OK";
        }
        return "status " + status;
    }

    // ------------------------------------------------------------------ the table and the mappings

    record Row(String[] anonymous, List<String[]> roles) {
    }

    static Map<String, Row> parse(List<String> lines) {
        Map<String, Row> out = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.split("\\|");
            assertThat(parts).as("line %s", line).hasSize(3);
            String[] endpoint = parts[0].trim().split("\\s+");
            String[] columns = parts[2].trim().split("\\s+");
            assertThat(columns).as("one column per role in %s", line).hasSize(USERS.size());
            List<String[]> roles = new ArrayList<>();
            for (String c : columns) {
                roles.add(c.split("/"));
            }
            String key = endpoint[0] + " " + endpoint[1];
            assertThat(out).as("one line per endpoint: %s", key).doesNotContainKey(key);
            out.put(key, new Row(new String[] {parts[1].trim()}, roles));
        }
        return out;
    }

    /** Every endpoint of the application as {@code METHOD pattern} ({@code *} for a mapping of every method). */
    private List<String> endpoints() {
        List<String> out = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String normalized = pattern.replaceAll("\\{[^}]+}", "{id}");
                if (methods.isEmpty()) {
                    out.add("* " + normalized);
                }
                for (RequestMethod m : methods) {
                    out.add(m.name() + " " + normalized);
                }
            }
        }
        return out;
    }

    private Long unit(String name) {
        return units.findByName(name).orElseThrow().id();
    }

    private String name(Long unitId) {
        return units.findById(unitId).orElseThrow().name();
    }
}
