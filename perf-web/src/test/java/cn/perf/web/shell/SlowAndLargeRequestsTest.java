package cn.perf.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Slow and large requests on real Tomcat (issue 12's faults; the heavy versions with 500 slow clients and real 100 MB
 * bodies are scripts/fault-requests.sh): the connector carries the configured limits, a normal user is served while
 * hundreds of clients hold connections with half-sent headers, and a page form that announces 100 MB is refused with the
 * Chinese 413 page before a byte of its body is sent. (The same server settings as UploadLimitTest: one context.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "perf.demo-data=true")
class SlowAndLargeRequestsTest {

    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    WebServerApplicationContext context;

    @Test
    void theConnectorClosesSilentClientsAndBoundsFormsAndSwallowing() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("connectionTimeout")).as("a client silent for 20 s is dropped")
                .isEqualTo(20_000);
        assertThat(connector.getProperty("keepAliveTimeout")).isEqualTo(20_000);
        assertThat(connector.getProperty("maxConnections")).isEqualTo(8192);
        assertThat(connector.getMaxPostSize()).as("page forms").isEqualTo(2 * 1024 * 1024);
        assertThat(connector.getMaxParameterCount()).as("Tomcat 11's 1,000 would drop the rows of a large 申报表")
                .isEqualTo(20_000);
        assertThat(connector.getProperty("maxSwallowSize")).isEqualTo((int) HUNDRED_MB);
    }

    @Test
    void aNormalUserIsServedWhileThreeHundredClientsSendTheirHeadersSlowly() throws Exception {
        HttpClient user = HttpClient.newHttpClient();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).GET().build();
        assertThat(user.send(login, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket("127.0.0.1", port);
                s.getOutputStream().write(("GET /declarations HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow-" + i + ": ")
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            long worst = 0;
            for (int i = 0; i < 10; i++) {
                for (Socket s : slow.subList(0, 50)) { // a byte more from some: still no end of the headers
                    s.getOutputStream().write('a');
                }
                long t0 = System.nanoTime();
                HttpResponse<String> page = user.send(login, HttpResponse.BodyHandlers.ofString());
                worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("name=\"username\"");
            }
            // a login page takes tens of milliseconds here; a starved server would take seconds or time out
            assertThat(worst).as("slowest of 10 login pages with 300 slow clients connected (ms)").isLessThan(2_000);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aHundredMegabyteFormIsRefusedWithTheChinesePageBeforeItsBodyIsSent() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            long t0 = System.nanoTime();
            out.write(("POST /declarations/1/edit HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + HUNDRED_MB
                    + "\r\n\r\nversion=0&overview=").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readHead(s.getInputStream());
            long millis = (System.nanoTime() - t0) / 1_000_000;

            assertThat(answer).startsWith("HTTP/1.1 413").contains("提交的内容过大", "提交的内容超过 2 MB 的上限，已拒绝，未保存任何内容")
                    .doesNotContain("Exception");
            assertThat(millis).as("answered on the declared length, with 100 MB never sent (%d ms)", millis)
                    .isLessThan(5_000);
        }
    }

    /** The response as far as it has come: status line, headers and as much of the page as the server sent. */
    private static String readHead(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int n = 0;
        while (n < buffer.length) {
            int r;
            try {
                r = in.read(buffer, n, buffer.length - n);
            } catch (java.net.SocketTimeoutException e) {
                break;
            }
            if (r < 0) {
                break;
            }
            n += r;
            String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
            if (text.contains("</html>")) {
                break;
            }
        }
        return new String(buffer, 0, n, StandardCharsets.UTF_8);
    }
}
