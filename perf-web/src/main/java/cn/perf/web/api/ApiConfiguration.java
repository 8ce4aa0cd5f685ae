package cn.perf.web.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;

/**
 * The API's JSON rules and its OpenAPI 3.1 document.
 * <ul>
 *   <li>Bodies are read strictly: an unknown field, a trailing second document, a null for a number are 400
 *       problems, never silently dropped (the application reads JSON bodies in the API only; the pages post forms).
 *       Decimals are read as {@code BigDecimal}.</li>
 *   <li>{@code /v3/api-docs}: the endpoints of {@code /api/**} only, the bearer-token scheme, and on every
 *       operation the problem responses any call may get (401, 403; 404 where an id is in the path).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    static final String BEARER = "bearerToken";

    static {
        // the caller's scope and profile are resolved from the signed-in user, never sent by the caller
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Scope.class, Viewer.class);
    }

    @Bean
    JsonMapperBuilderCustomizer strictApiBodies() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @Bean
    OpenAPI perfOpenApi() {
        return new OpenAPI()
                .info(new Info().title("预算绩效管理 API").version("v1")
                        .description("""
                                与页面相同的用例、规则和数据范围。认证：请求头 Authorization: Bearer <令牌>（在“API 令牌”页面创建），\
                                或浏览器登录会话（写操作须带 CSRF 令牌）。错误为 RFC 9457 问题详情（application/problem+json），\
                                title、detail 为中文，violations 列出字段与信息。金额（万元）、权重、得分为十进制字符串。""")
                        .license(new License().name("开源许可见项目 README")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("perf_<key id>_<secret>")
                        .description("个人 API 令牌，在 /account/tokens 页面创建")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Every operation documents the problems it may answer, with the Problem schema. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            ResolvedSchema resolved = ModelConverters.getInstance(true).resolveAsResolvedSchema(
                    new io.swagger.v3.core.converter.AnnotatedType(ApiProblem.class));
            Components components = openApi.getComponents();
            components.addSchemas(resolved.schema.getName(), resolved.schema);
            if (resolved.referencedSchemas != null) {
                resolved.referencedSchemas.forEach(components::addSchemas);
            }
            Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + resolved.schema.getName());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                add(operation, "401", "未认证：没有令牌、令牌无效、已过期或已撤销", ref);
                add(operation, "403", "角色无权使用该接口", ref);
                if (path.contains("{")) {
                    add(operation, "404", "不存在，或不在调用者的数据范围内", ref);
                }
                if (operation.getParameters() != null && !operation.getParameters().isEmpty()
                        || operation.getRequestBody() != null) {
                    add(operation, "400", "参数或请求体格式不正确（JSON 语法、未知字段、类型）", ref);
                }
                if (operation.getRequestBody() != null) {
                    if (path.contains("{")) {
                        // a change to a form that exists (its version, its state); a create, a preview or an export
                        // request has neither
                        add(operation, "409", "版本已变（currentVersion 为当前版本），或当前状态不允许该操作", ref);
                    }
                    add(operation, "413", "请求体超过 1 MB", ref);
                    add(operation, "422", "内容未通过校验，violations 列出全部问题；未做任何修改", ref);
                }
            }));
        };
    }

    /** Documents {@code status} unless the operation describes it itself (its own annotation says more). */
    private static void add(Operation operation, String status, String description, Schema<?> ref) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType(ApiProblems.PROBLEM_JSON.toString(), new MediaType().schema(ref))));
    }

}
