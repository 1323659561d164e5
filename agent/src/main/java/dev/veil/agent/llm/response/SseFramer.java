package dev.veil.agent.llm.response;

/**
 * Server-sent events: {@code data:} lines of an event hold one JSON message; a blank line ends the event.
 * Payload bytes go straight to the walker as they arrive, so nothing is buffered however long the
 * stream or an event. Handles LF, CRLF and CR line ends split anywhere; {@code data: [DONE]} and other
 * non-object payloads are ignored.
 */
final class SseFramer implements Framer {
    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] NEWLINE = {'\n'};

    private final TokenWalker walker;

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

    SseFramer(TokenWalker walker) {
        this.walker = walker;
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
        while (eol < end && b[eol] != '\n' && b[eol] != '\r') {
            eol++;
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
                walker.feed(b, from, eol - from);
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
            walker.feed(NEWLINE, 0, 1); // SSE joins the data lines of one event with a line feed
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
            walker.endMessage();
        }
        eventHasData = false;
        eventIsJson = false;
    }

    @Override
    public void onEnd() {
        endEvent();
    }
}
