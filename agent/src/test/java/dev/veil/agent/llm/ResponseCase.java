package dev.veil.agent.llm;

import java.nio.charset.StandardCharsets;

/** A response fixture with the request that produced it: URL, request body and Content-Type. */
final class ResponseCase {
    final String name;
    final EndpointMatch match;
    final RequestInfo request;
    final String contentType;
    final byte[] body;

    private ResponseCase(String name, String url, String requestBody, String contentType, byte[] body) {
        this.name = name;
        this.match = Endpoints.match(url);
        this.request = RequestRewriter.rewrite(match, requestBody.getBytes(StandardCharsets.UTF_8), null,
                new CanaryScrubber()).info();
        this.contentType = contentType;
        this.body = body;
    }

    static ResponseCase of(String fixture, String url, String requestBody, String contentType) {
        byte[] body = Fixtures.bytes("response/" + fixture);
        if (fixture.endsWith(".events")) {
            body = EventStreamWriter.fromFixture(new String(body, StandardCharsets.UTF_8));
        }
        return new ResponseCase(fixture, url, requestBody, contentType, body);
    }

    ResponseParser parser(int captureChars) {
        return ResponseParsers.forResponse(match, request, contentType, null, captureChars, System.nanoTime());
    }

    /** Parses the body fed in one piece. */
    ResponseInfo parse() {
        ResponseParser p = parser(10_000);
        p.onBytes(body, 0, body.length);
        p.onEnd();
        return p.result();
    }

    @Override
    public String toString() {
        return name;
    }
}
