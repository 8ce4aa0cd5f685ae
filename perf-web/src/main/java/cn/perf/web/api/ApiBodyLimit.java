package cn.perf.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@value #MAX_BYTES} bytes of request body for the API (a whole 申报表 with 200 indicator rows is about
 * 150 KB). A declared {@code Content-Length} above it is refused before anything is read (413); a body sent without
 * one (chunked) is counted as it is read, and reading stops with {@link TooLarge} at the limit, which the API's
 * advice answers with the same 413. Nothing is changed either way. Not a bean: it runs in the API's security chain,
 * after authentication, so an anonymous caller is told 401 without a byte of its body read.
 */
public class ApiBodyLimit extends OncePerRequestFilter {

    /** 1 MB. */
    public static final long MAX_BYTES = 1024 * 1024;

    private final ApiProblems problems;

    public ApiBodyLimit(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            problems.write(response, problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", request,
                    String.valueOf(MAX_BYTES / 1024)));
            return;
        }
        chain.doFilter(new Limited(request), response);
    }

    /** Reading a body went past {@link #MAX_BYTES}. */
    public static class TooLarge extends IOException {
        TooLarge() {
            super("request body larger than " + MAX_BYTES + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
