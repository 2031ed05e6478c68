package io.mapper.demo.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, with a 400 problem+json before anything reads the request, what the container or the frameworks would
 * otherwise read loosely or fail on with a 500: {@code ;} path parameters (which Spring drops silently, so that
 * {@code /api/orders/15;x} acts on order 15), percent-escapes that are malformed ({@code %G1}) or not UTF-8
 * ({@code %FF}) or NUL ({@code %00}) in the path or the query, in any parameter, known or not, and a body that is not valid UTF-8
 * (overlong forms such as {@code C0 AF}, which a lenient decoder turns into {@code /}). Bodies are limited to
 * {@value #MAX_BODY_BYTES} bytes (413).
 */
final class StrictRequestFilter implements Filter {

    static final int MAX_BODY_BYTES = 1 << 20;

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        if (uri.indexOf(';') >= 0) {
            refuse(response, 400, "Invalid request", "Path parameters (';' in the path) are not accepted.", null);
            return;
        }
        if (!validEscapes(uri) || (query != null && !validEscapes(query))) {
            refuse(response, 400, "Invalid request", "The URL contains a malformed percent-escape or one that is "
                    + "not UTF-8.", null);
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            refuse(response, 413, "Request too large", "The request body exceeds " + MAX_BODY_BYTES + " bytes.", uri);
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            refuse(response, 413, "Request too large", "The request body exceeds " + MAX_BODY_BYTES + " bytes.", uri);
            return;
        }
        if (!isUtf8(body, 0, body.length)) {
            refuse(response, 400, "Unreadable request", "The request body is not valid UTF-8.", uri);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Every {@code %} starts two hex digits, and the escaped bytes of each run decode as UTF-8. */
    static boolean validEscapes(String raw) {
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return false;
                }
                int value = Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16);
                if (value == 0) {
                    return false;   // NUL: no column stores it, and PostgreSQL refuses it in text
                }
                run.write(value);
                i += 2;
            } else {
                if (run.size() > 0 && !isUtf8(run.toByteArray(), 0, run.size())) {
                    return false;
                }
                run.reset();
                if (c > 0x7e || c < 0x20) {
                    return false;   // the raw URL must be ASCII; anything else has to be percent-escaped
                }
            }
        }
        return run.size() == 0 || isUtf8(run.toByteArray(), 0, run.size());
    }

    private static boolean isUtf8(byte[] bytes, int offset, int length) {
        try {
            // The JDK's decoder rejects overlong forms, surrogates encoded as UTF-8 and truncated sequences.
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private static void refuse(HttpServletResponse response, int status, String title, String detail,
            @Nullable String instance) throws IOException {
        byte[] body = ProblemJson.body(status, title, detail, instance);
        response.setStatus(status);
        response.setContentType(ProblemJson.CONTENT_TYPE);
        response.setContentLength(body.length);
        ProblemJson.write(response.getOutputStream(), body);
    }

    /** The request with its body read once and replayed from memory. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
