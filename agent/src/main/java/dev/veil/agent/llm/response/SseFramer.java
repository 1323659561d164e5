package dev.veil.agent.llm.response;

/**
 * Server-sent events: {@code data:} lines of an event hold one JSON message; a blank line ends the event.
 * Each event's payload is collected (bounded by {@link MessageBuffer}) and read when the event ends. Handles LF, CRLF and CR line ends split anywhere; {@code data: [DONE]} and other
 * non-object payloads are ignored.
 */
final class SseFramer implements Framer {
    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] NEWLINE = {'\n'};

    private final MessageBuffer message;

    private boolean afterCr;
    /** Reading the value part of a line (after the colon). */
    private boolean inValue;
    private boolean dataField;
    /** The next value byte is the first of the line's value (an optional single space is dropped). */
    private boolean valueStart;
    private int nameLength;
    private boolean nameMatchesData = true;
    /** Current event: has a data line been seen, and is its payload a JSON object being fed? */
    private boolean eventHasData;
    private boolean eventIsJson;

    SseFramer(MessageBuffer message) {
        this.message = message;
    }

    @Override
    public void onBytes(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            byte c = b[i];
            if (afterCr) {
                afterCr = false;
                if (c == '\n') {
                    i++;
                    continue;
                }
            }
            if (inValue) {
                i = value(b, i, end);
                continue;
            }
            if (c == '\n' || c == '\r') {
                afterCr = c == '\r';
                if (nameLength == 0) {
                    endEvent();
                }
                resetLine();
            } else if (c == ':') {
                inValue = true;
                valueStart = true;
                dataField = nameLength == DATA.length && nameMatchesData;
            } else {
                nameMatchesData &= nameLength < DATA.length && DATA[nameLength] == c;
                nameLength++;
            }
            i++;
        }
    }

    /** Consumes value bytes from {@code i} up to and including the end of line; returns the next index. */
    private int value(byte[] b, int i, int end) {
        int eol = i;
        while (eol < end) {
            int c = b[eol];
            if (c > '\r' || c < 0 || c != '\n' && c != '\r') {
                eol++; // most bytes are above CR: one comparison
            } else {
                break;
            }
        }
        int from = i;
        if (dataField && from < eol) {
            if (valueStart) {
                valueStart = false;
                if (b[from] == ' ') {
                    from++;
                }
                if (from < eol) {
                    startData(b[from]);
                } else {
                    valueStart = true; // only the optional space so far; the value starts in the next chunk
                }
            }
            if (eventIsJson && from < eol) {
                message.append(b, from, eol - from);
            }
        }
        if (eol == end) {
            return end;
        }
        afterCr = b[eol] == '\r';
        resetLine();
        return eol + 1;
    }

    private void startData(byte first) {
        if (!eventHasData) {
            eventHasData = true;
            eventIsJson = first == '{';
        } else if (eventIsJson) {
            message.append(NEWLINE, 0, 1); // SSE joins the data lines of one event with a line feed
        }
    }

    private void resetLine() {
        inValue = false;
        dataField = false;
        valueStart = false;
        nameLength = 0;
        nameMatchesData = true;
    }

    private void endEvent() {
        if (eventIsJson) {
            message.end();
        }
        eventHasData = false;
        eventIsJson = false;
    }

    @Override
    public void onEnd() {
        endEvent();
    }
}
