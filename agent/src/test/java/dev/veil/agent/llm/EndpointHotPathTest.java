package dev.veil.agent.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every outbound request of the application goes through match(): a non-LLM request must not allocate. */
class EndpointHotPathTest {

    @Test
    void nonLlmRequestsDoNotAllocate() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) mx;
        EndpointRegistry r = Endpoints.DEFAULT;
        String[][] urls = {
            {"POST", "payments.internal", "/api/v2/customers/1234/invoices"},
            {"POST", "api.openai.com", "/v1/files"},
            {"GET", "api.anthropic.com", "/v1/messages"},
            {"POST", "example.com", "/v1/models/foo:predict"},
            {"PUT", "localhost", "/api/chat"},
            {"POST", "hooks.slack.com", "/services/T000/B000/XXXX"},
        };
        for (int warm = 0; warm < 20_000; warm++) {
            for (String[] u : urls) {
                assertNull(r.match(u[0], "https", u[1], 443, u[2], "a=b"));
            }
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 10_000; i++) {
            for (String[] u : urls) {
                r.match(u[0], "https", u[1], 443, u[2], "a=b");
            }
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        // The measurement itself may allocate a little; 60 000 calls allocating anything would show far more.
        assertEquals(0, allocated / 60_000, "bytes per call: " + allocated / 60_000.0);
    }
}
