package io.mapper.demo.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * The container's own error responses (a request it refuses before the application sees it) as problem+json
 * instead of Tomcat's HTML page, without a stack trace or server details.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status < 500 ? "The request was refused: " + title.toLowerCase(java.util.Locale.ROOT) + "."
                : "The request failed unexpectedly.";
        byte[] body = ProblemJson.body(status, title, detail, null);
        try {
            response.setContentType(ProblemJson.CONTENT_TYPE);
            response.setContentLength(body.length);
            ProblemJson.write(response.getOutputStream(), body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response was already committed; nothing more to say.
        }
    }
}
