import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regenerates the tables of docs/benchmarks.md from the results bench/run wrote under target/bench/: each scenario's
 * CSV and meta file replace what stands between {@code <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->}. A
 * scenario that was not run keeps its previous section, with the date of its own run.
 *
 * <p>Usage: {@code java bench/java/Report.java target/bench docs/benchmarks.md}
 */
public class Report {

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Path doc = Path.of(args[1]);
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        Map<String, Function<Path, String>> sections = new LinkedHashMap<>();
        sections.put("intake", Report::intake);
        sections.put("pages", Report::pages);
        sections.put("fanout", Report::fanout);
        sections.put("volume", Report::volume);
        for (var section : sections.entrySet()) {
            String name = section.getKey();
            if (!Files.exists(results.resolve(name + ".csv"))) {
                continue;
            }
            String body = section.getValue().apply(results);
            // The full volume (issue 9's 2,000,000 cases) has a table of its own beside the default volume's.
            String marker = name.equals("volume") && "full".equals(meta(results, "volume").get("volume"))
                    ? "volume-full"
                    : name;
            Pattern block = Pattern.compile(
                    "(<!-- bench:" + marker + " -->\\n).*?(<!-- /bench:" + marker + " -->)", Pattern.DOTALL);
            Matcher matcher = block.matcher(text);
            if (!matcher.find()) {
                throw new IllegalStateException(doc + " has no section <!-- bench:" + marker + " -->");
            }
            text = text.substring(0, matcher.start())
                    + matcher.group(1)
                    + body
                    + "\n"
                    + matcher.group(2)
                    + text.substring(matcher.end());
        }
        Files.writeString(doc, text, StandardCharsets.UTF_8);
    }

    // ---- scenarios

    private static String intake(Path results) {
        Map<String, String> meta = meta(results, "intake");
        List<Map<String, String>> rows = csv(results.resolve("intake.csv"));
        long answered = rows.stream()
                .filter(r -> r.get("scenario").startsWith("intake-"))
                .mapToLong(r -> Long.parseLong(r.get("requests")))
                .sum();
        StringBuilder out = new StringBuilder(header(meta));
        out.append("Connections (wrk) and clients (pgbench): ").append(meta.get("clients"))
                .append("; ").append(meta.get("duration_s")).append(" s per measurement after a ")
                .append(meta.getOrDefault("warmup_s", "0")).append(" s warm-up. Intake requests answered in the ")
                .append("measurements: ").append(answered).append("; cases in the database with their idempotency ")
                .append("keys: ").append(meta.getOrDefault("cases_taken_in", "?")).append(".\n\n");
        out.append("| what | run | requests | per second | p50 ms | p95 ms | p99 ms | errors |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (var row : rows) {
            out.append(String.format(
                    "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    label(row.get("scenario")),
                    row.get("run"),
                    row.get("requests"),
                    f1(row.get("throughput")),
                    f1(row.get("p50_ms")),
                    f1(row.get("p95_ms")),
                    f1(row.get("p99_ms")),
                    row.get("errors")));
        }
        out.append("\nSpread over the runs (min / median / max) and the share of the ceiling (each run's throughput "
                + "divided by the ceiling's in the same run):\n\n");
        out.append("| what | per second | p95 ms | p99 ms | share of the ceiling |\n|---|---|---|---|---|\n");
        Map<String, Double> ceilingByRun = new LinkedHashMap<>();
        for (var row : rows) {
            if (row.get("scenario").equals("ceiling")) {
                ceilingByRun.put(row.get("run"), d(row.get("throughput")));
            }
        }
        for (String scenario : List.of("intake-api", "intake-open311", "ceiling")) {
            List<Map<String, String>> own =
                    rows.stream().filter(r -> r.get("scenario").equals(scenario)).toList();
            if (own.isEmpty()) {
                continue;
            }
            List<Double> share = new ArrayList<>();
            for (var row : own) {
                Double ceiling = ceilingByRun.get(row.get("run"));
                if (ceiling != null && ceiling > 0) {
                    share.add(d(row.get("throughput")) / ceiling * 100);
                }
            }
            out.append(String.format(
                    "| %s | %s | %s | %s | %s |%n",
                    label(scenario),
                    spread(own, "throughput"),
                    spread(own, "p95_ms"),
                    spread(own, "p99_ms"),
                    scenario.equals("ceiling") ? "100 %" : spreadOf(share) + " %"));
        }
        return out.toString();
    }

    private static String pages(Path results) {
        Map<String, String> meta = meta(results, "pages");
        List<Map<String, String>> rows = csv(results.resolve("pages.csv"));
        StringBuilder out = new StringBuilder(header(meta));
        out.append(meta.get("users")).append(" connections, each request with one of ").append(meta.get("users"))
                .append(" signed-in sessions of the six office staff in turn; ")
                .append(meta.get("duration_s")).append(" s per page and run after a ")
                .append(meta.getOrDefault("warmup_s", "0")).append(" s warm-up of every page.\n\n");
        out.append("| page | runs | requests | per second (min / median / max) | p50 ms | p95 ms | p99 ms | errors |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        Map<String, List<Map<String, String>>> byPage = new LinkedHashMap<>();
        for (var row : rows) {
            byPage.computeIfAbsent(row.get("scenario"), k -> new ArrayList<>()).add(row);
        }
        for (var page : byPage.entrySet()) {
            List<Map<String, String>> own = page.getValue();
            long errors = own.stream().mapToLong(r -> Long.parseLong(r.get("errors"))).sum();
            long requests = own.stream().mapToLong(r -> Long.parseLong(r.get("requests"))).sum();
            // A run in which no request finished has no latency to report; wrk would print zeros.
            List<Map<String, String>> answered = own.stream()
                    .filter(r -> Long.parseLong(r.get("requests")) > 0)
                    .toList();
            out.append(String.format(
                    "| `%s` | %d | %d | %s | %s | %s | %s | %d |%n",
                    page.getKey().substring("page".length()).replace('-', '/'),
                    own.size(),
                    requests,
                    spread(own, "throughput"),
                    spread(answered, "p50_ms"),
                    spread(answered, "p95_ms"),
                    spread(answered, "p99_ms"),
                    errors));
        }
        for (var entry : meta.entrySet()) {
            if (entry.getKey().startsWith("skipped")) {
                out.append(String.format(
                        "%n`%s` was skipped: it answered %s.%n",
                        entry.getKey().substring("skipped".length()),
                        entry.getValue()));
            }
        }
        return out.toString();
    }

    private static String fanout(Path results) {
        Map<String, String> meta = meta(results, "fanout");
        List<Map<String, String>> rows = csv(results.resolve("fanout.csv"));
        StringBuilder out = new StringBuilder(header(meta));
        out.append(meta.get("recipients")).append(" recipients, ").append(meta.get("pages"))
                .append(" event streams open. Times in ms from just before the intake request.\n\n");
        if (rows.isEmpty() || !rows.get(0).containsKey("all_inbox_rows_ms")) {
            return out.append("No run finished: see target/bench/raw/fanout.txt.\n").toString();
        }
        out.append("| run | intake answered | all inbox rows | pages received | first page | p50 page | p95 page "
                + "| p99 page | last page |\n|---|---|---|---|---|---|---|---|---|\n");
        for (var row : rows) {
            out.append(String.format(
                    "| %s | %s | %s (%s of %s) | %s of %s | %s | %s | %s | %s | %s |%n",
                    row.get("run"),
                    f0(row.get("answer_ms")),
                    f0(row.get("all_inbox_rows_ms")),
                    row.get("inbox_rows"),
                    row.get("recipients"),
                    row.get("pages_received"),
                    row.get("pages"),
                    f0(row.get("first_page_ms")),
                    f0(row.get("p50_page_ms")),
                    f0(row.get("p95_page_ms")),
                    f0(row.get("p99_page_ms")),
                    f0(row.get("last_page_ms"))));
        }
        out.append(String.format(
                "%nSpread (min / median / max): all inbox rows %s ms; last page %s ms.%n",
                spread(rows, "all_inbox_rows_ms"),
                spread(rows, "last_page_ms")));
        return out.toString();
    }

    private static String volume(Path results) {
        Map<String, String> meta = meta(results, "volume");
        List<Map<String, String>> rows = csv(results.resolve("volume.csv"));
        StringBuilder out = new StringBuilder(header(meta));
        out.append("Generated: ").append(meta.getOrDefault("cases", "?")).append(" cases and ")
                .append(meta.getOrDefault("documents", "?")).append(" documents (volume `")
                .append(meta.get("volume")).append("`); database size afterwards: ")
                .append(meta.getOrDefault("database_size", "?")).append(".\n\n");
        out.append("| measure | runs | min | median | max | unit | note |\n|---|---|---|---|---|---|---|\n");
        Map<String, List<Map<String, String>>> byMeasure = new LinkedHashMap<>();
        for (var row : rows) {
            byMeasure.computeIfAbsent(row.get("measure"), k -> new ArrayList<>()).add(row);
        }
        for (var measure : byMeasure.entrySet()) {
            List<Map<String, String>> own = measure.getValue();
            List<Double> values = own.stream()
                    .map(r -> r.get("value"))
                    .filter(v -> !v.isEmpty())
                    .map(Double::valueOf)
                    .sorted()
                    .toList();
            String note = own.get(own.size() - 1).getOrDefault("note", "");
            if (values.isEmpty()) {
                out.append(String.format("| %s | 0 | – | – | – | | %s |%n", measure.getKey(), note));
            } else {
                out.append(String.format(
                        "| %s | %d | %s | %s | %s | %s | %s |%n",
                        measure.getKey(),
                        values.size(),
                        f1(values.get(0)),
                        f1(median(values)),
                        f1(values.get(values.size() - 1)),
                        own.get(0).get("unit"),
                        note));
            }
        }
        return out.toString();
    }

    // ---- helpers of this report

    private static String header(Map<String, String> meta) {
        return String.format(
                "Run %s, commit %s, %s run(s); load average at the start %s; %s; %s; PostgreSQL %s.%n%n",
                meta.get("started"),
                meta.get("commit"),
                meta.get("runs"),
                meta.get("loadavg"),
                meta.get("machine"),
                meta.get("java"),
                meta.get("postgresql"));
    }

    private static String label(String scenario) {
        return switch (scenario) {
            case "intake-api" -> "REST `POST /api/cases`";
            case "intake-open311" -> "Open311 `POST /open311/v2/requests.json`";
            case "ceiling" -> "ceiling: pgbench, one INSERT per transaction";
            default -> scenario;
        };
    }

    private static String spread(List<Map<String, String>> rows, String column) {
        return spreadOf(rows.stream().map(r -> d(r.get(column))).toList());
    }

    private static String spreadOf(List<Double> values) {
        if (values.isEmpty()) {
            return "–";
        }
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.size() == 1) {
            return f1(sorted.get(0));
        }
        return f1(sorted.get(0)) + " / " + f1(median(sorted)) + " / " + f1(sorted.get(sorted.size() - 1));
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double d(String value) {
        return Double.parseDouble(value);
    }

    private static String f1(String value) {
        return f1(d(value));
    }

    private static String f1(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    private static String f0(String value) {
        double v = d(value);
        return v < 0 ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static Map<String, String> meta(Path results, String name) {
        Map<String, String> meta = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(results.resolve(name + ".meta"), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    meta.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("no meta file for " + name + " in " + results, e);
        }
        return meta;
    }

    private static List<Map<String, String>> csv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<Map<String, String>> rows = new ArrayList<>();
            if (lines.isEmpty()) {
                return rows;
            }
            String[] header = lines.get(0).split(",", -1);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", header.length);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
