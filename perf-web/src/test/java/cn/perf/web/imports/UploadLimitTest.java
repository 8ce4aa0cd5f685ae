package cn.perf.web.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.imports.ImportFiling;
import cn.perf.domain.scope.ScopeResolver;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} (10 MB) on a real server (Tomcat parses the
 * multipart body, not MockMvc): the browser gets the upload page with the limit in Chinese as 413 — not a 500, not
 * a 403 for a CSRF token lost with the body, not a connection reset — and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "perf.demo-data=true")
class UploadLimitTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern UPLOAD_ACTION = Pattern.compile("action=\"/imports\\?_csrf=([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ImportFiling imports;
    @Autowired
    ScopeResolver scopes;

    @Test
    void anUploadOverTheLimitShowsTheUploadPageWithTheLimit() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        String login = client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF_FIELD.matcher(login);
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=filer-001239&password="
                        + URLEncoder.encode(DemoOrganization.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + token.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        String page = client.send(get("/imports"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher action = UPLOAD_ACTION.matcher(page);
        assertThat(action.find()).as("the upload form carries its CSRF token in its URL").isTrue();
        int waiting = imports.mine(scopes.viewer("filer-001239").scope()).size();
        long unit = scopes.viewer("filer-001239").scope().fileableUnitIds().iterator().next();

        String boundary = "----perf" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "kind", "NEW_DECLARATION");
        field(body, boundary, "unitId", String.valueOf(unit));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(new byte[11 * 1024 * 1024]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpRequest upload = HttpRequest.newBuilder(uri("/imports?_csrf=" + action.group(1)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html,application/xhtml+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        client.send(upload, HttpResponse.BodyHandlers.ofString()); // the first renders the error page's template
        long start = System.nanoTime();
        HttpResponse<String> refused = client.send(upload, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("文件超过 10 MB 的上限，已拒绝，未保存任何内容").contains("文件过大")
                .contains("href=\"/imports\"").doesNotContain("Exception");
        // the time includes sending 11 MB over loopback and Tomcat reading and dropping them, on a shared machine:
        // refused as the request is parsed (no controller, no workbook); about a second here under load
        assertThat(millis).as("refused as the request is parsed (%d ms)", millis).isLessThan(5000);
        assertThat(imports.mine(scopes.viewer("filer-001239").scope())).hasSize(waiting);
        assertThat(client.send(get("/imports"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("the session goes on").isEqualTo(200);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
