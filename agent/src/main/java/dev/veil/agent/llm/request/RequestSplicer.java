package dev.veil.agent.llm.request;

import dev.veil.agent.llm.json.ByteSink;
import java.util.List;

/** Copies the original body, replacing only the spliced ranges. */
final class RequestSplicer {
    private RequestSplicer() {
    }

    /** @param splices sorted, non-overlapping */
    static byte[] apply(byte[] src, List<Splice> splices) {
        int extra = 0;
        for (Splice s : splices) {
            extra += s.bytes.length - (s.end - s.start);
        }
        ByteSink out = new ByteSink(src.length + Math.max(0, extra));
        int copied = 0;
        for (Splice s : splices) {
            out.write(src, copied, s.start - copied);
            out.write(s.bytes, 0, s.bytes.length);
            copied = s.end;
        }
        out.write(src, copied, src.length - copied);
        return out.size() == out.array().length ? out.array() : out.toByteArray();
    }
}
