package dev.veil.benchmarks.engine;

import java.util.Random;

/**
 * Realistic prompt text generated from a seed: English prose, a code snippet, a JSON fragment and the
 * numbers prompts carry (prices, dates, versions, percentages, ids), with no secrets or personal data.
 */
final class PromptText {
    private PromptText() {
    }

    private static final String[] WORDS = ("the of and to a in is that for it as was with be by on not he this are or his from at"
            + " which but have an they you were her she there been one all we their has would when if so what up out about"
            + " into than them can only other new some could time these two may then do first any my now such like our over"
            + " man me even most made after also did many before must through back years where much your way well down should"
            + " because each just those people how too little state good very make world still own see men work long get here"
            + " between both life being under never day same another know while last might us great old year off come since"
            + " against go came right used take three customer order invoice shipment report summary meeting project team"
            + " deadline budget review release feature request response service deploy server database query cache latency"
            + " error retry timeout config feedback product roadmap quarter revenue growth analysis model prompt answer").split(" ");

    private static final String[] CODE = {
        "public List<Order> findOrders(long customerId) {\n    return repository.findByCustomer(customerId, PageRequest.of(0, 50));\n}\n",
        "def summarize(text: str, max_words: int = 120) -> str:\n    chunks = [text[i:i + 2000] for i in range(0, len(text), 2000)]\n    return ' '.join(chunks)[:max_words]\n",
        "const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);\nconsole.log(`total: ${total.toFixed(2)}`);\n",
        "SELECT o.id, o.created_at, SUM(l.amount) AS total FROM orders o JOIN lines l ON l.order_id = o.id\nWHERE o.created_at >= '2024-01-01' GROUP BY o.id ORDER BY total DESC LIMIT 20;\n",
        "for i := 0; i < len(batch); i++ {\n\tif err := process(ctx, batch[i]); err != nil {\n\t\treturn fmt.Errorf(\"batch %d: %w\", i, err)\n\t}\n}\n",
    };

    private static final String[] JSON = {
        "{\"id\": %d, \"status\": \"shipped\", \"items\": [%d, %d, %d], \"total\": %d.%02d, \"currency\": \"EUR\", \"version\": \"2.%d.%d\"}",
        "{\"model\": \"gpt-4o-mini\", \"temperature\": 0.%d, \"max_tokens\": %d, \"messages\": [{\"role\": \"user\", \"content\": \"hello\"}]}",
        "{\"metrics\": {\"p50_ms\": %d, \"p99_ms\": %d, \"error_rate\": 0.0%d, \"requests\": %d}, \"region\": \"eu-west-1\"}",
    };

    static String generate(long seed, int size) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(size + 512);
        while (sb.length() < size) {
            int kind = r.nextInt(10);
            if (kind < 6) {
                paragraph(sb, r);
            } else if (kind < 8) {
                sb.append("```\n").append(CODE[r.nextInt(CODE.length)]).append("```\n");
            } else {
                String template = JSON[r.nextInt(JSON.length)];
                Object[] args = new Object[8];
                for (int i = 0; i < args.length; i++) {
                    args[i] = r.nextInt(5000);
                }
                sb.append(String.format(template, args)).append('\n');
            }
        }
        return sb.substring(0, size);
    }

    private static void paragraph(StringBuilder sb, Random r) {
        int sentences = 2 + r.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            int words = 6 + r.nextInt(14);
            for (int w = 0; w < words; w++) {
                String word = WORDS[r.nextInt(WORDS.length)];
                if (w == 0) {
                    word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                }
                sb.append(word);
                if (r.nextInt(12) == 0) {
                    sb.append(' ').append(number(r));
                }
                sb.append(w == words - 1 ? ". " : r.nextInt(9) == 0 ? ", " : " ");
            }
        }
        sb.append("\n\n");
    }

    private static String number(Random r) {
        switch (r.nextInt(6)) {
            case 0:
                return "$" + r.nextInt(10000) + "." + (10 + r.nextInt(90));
            case 1:
                return "2024-" + (10 + r.nextInt(3)) + "-" + (10 + r.nextInt(19));
            case 2:
                return "v" + r.nextInt(5) + "." + r.nextInt(20) + "." + r.nextInt(10);
            case 3:
                return r.nextInt(100) + "." + r.nextInt(10) + "%";
            case 4:
                return "#" + (1000 + r.nextInt(90000));
            default:
                return String.valueOf(r.nextInt(1000));
        }
    }
}
