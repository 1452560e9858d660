package dev.paygate.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run as Markdown: the ratios first, then each of our figures beside the raw limit it is measured against. */
final class MarkdownReport {

    private final Map<String, Object> results;
    private final String plotName;
    private final StringBuilder out = new StringBuilder();

    MarkdownReport(Map<String, Object> results, String plotName) {
        this.results = results;
        this.plotName = plotName;
    }

    String render() {
        Map<String, Object> machine = map(results, "machine");
        Map<String, Object> raw = map(results, "raw");
        Map<String, Object> project = map(results, "project");
        Map<String, Object> ratios = map(results, "ratios");
        Map<String, Object> argon = map(raw, "argon2id_verify");
        Map<String, Object> back = map(project, "back_unit_decisions");
        Map<String, Object> half = map(project, "half_peak_open_loop");

        line("# Paygate bench, " + results.get("started_at") + " (" + results.get("mode") + ")");
        line("");
        line("Machine: " + machine.get("cores") + " cores (" + machine.get("cpu") + "), " + machine.get("memory_mib")
                + " MiB, " + machine.get("jdk") + ". Load average at start `" + machine.get("load_average_start")
                + "`, at end `" + machine.get("load_average_end") + "` (the machine is shared: compare ratios, not times).");
        line("");
        line("## Ratios (measured in this run)");
        line("");
        line("| ratio | value | target |");
        line("|---|---|---|");
        line("| full flow / raw KDF | " + number(ratios.get("full_flow_vs_kdf"), 2) + " | >= 0.80 |");
        line("| confirm p99 at half of peak / KDF time | " + number(ratios.get("p99_at_half_peak_vs_kdf_ms"), 2) + " | <= 2 |");
        line("| back unit / slowest raw stage | " + number(ratios.get("back_unit_vs_slowest_stage"), 2) + " | >= 0.50 |");
        line("| hot till / spread | " + number(ratios.get("hot_till_vs_spread"), 2) + " | >= 0.70 |");
        line("");
        line("## Our figures beside their raw limits");
        line("");
        line("| our figure | value | raw limit | value |");
        line("|---|---|---|---|");
        row("full flow, peak payments/s", perSecond(Map.of("per_second", project.get("full_flow_peak_per_second"))),
                "Argon2id verifies/s, " + argon.get("threads") + " threads, measured just before the flow",
                perSecond(map(raw, "argon2id_verify_beside_full_flow")));
        row("confirm p99 at half of peak (" + number(half.get("rate_per_second"), 1) + "/s, open loop), errors "
                        + half.get("errors"), ms(map(half, "confirm").get("p99_ms")),
                "one Argon2id hash, 1 thread (p50)", ms(map(argon, "one_thread").get("p50_ms")));
        row("CPU of the Argon2id derivation in a payment (full flow, kdf stage)",
                number(map(map(project, "profile"), "cpu_ms_per_operation").get("kdf"), 1) + " ms",
                "CPU of one Argon2id verify, 1 thread", number(map(argon, "one_thread").get("cpu_ms_per_verify"), 1) + " ms");
        row("back unit, wallet spread, decisions/s", perSecond(map(back, "wallet_spread")),
                "ledger transfer SQL spread / Artemis request-reply, 32 in flight",
                perSecond(map(map(raw, "ledger_transfer_sql"), "spread")) + " / "
                        + perSecond(map(map(raw, "artemis_request_reply"), "in_flight_32")));
        row("back unit, wallet into one hot till, decisions/s", perSecond(map(back, "wallet_hot_till")),
                "ledger transfer SQL into one hot till", perSecond(map(map(raw, "ledger_transfer_sql"), "hot_till")));
        Map<String, Object> settlement = map(project, "ledger_wallet_settlement");
        row("ledger-service wallet settlement in-process, spread / hot till, per second",
                perSecond(map(settlement, "spread")) + " / " + perSecond(map(settlement, "hot_till")),
                "ledger transfer SQL spread / hot till", perSecond(map(map(raw, "ledger_transfer_sql"), "spread")) + " / "
                        + perSecond(map(map(raw, "ledger_transfer_sql"), "hot_till")));
        row("back unit, card, decisions/s", perSecond(map(back, "card")),
                "jPOS QMUX round trips/s, 32 in flight", perSecond(map(map(raw, "jpos_qmux_round_trip"), "in_flight_32")));
        Map<String, Object> scaling = map(project, "fronts_scaling");
        row("full flow through two front units / through one, concurrency " + scaling.get("concurrency")
                        + " (payments/s)", perSecond(map(scaling, "two_fronts")) + " / " + perSecond(map(scaling, "one_front"))
                        + " = " + number(scaling.get("two_vs_one"), 2),
                "each front a process (external,front), one back unit (external,back), same broker and database", "");
        row("start to ready (embedded default, extracted layout" + (Boolean.TRUE.equals(project.get("startup_with_aot_cache"))
                        ? " + AOT cache" : "") + "; load `" + project.get("load_average_at_startup") + "`)",
                ms(project.get("startup_ms")), "goal", "< 10,000 ms");
        row("gateway peak RSS / heap used at peak", number(project.get("gateway_peak_rss_mib"), 0) + " / "
                + number(project.get("gateway_heap_used_peak_mib"), 0) + " MiB", "", "");
        row("driver's share of the CPU used in the full flow", percent(project.get("driver_cpu_share")), "", "");
        line("");
        line("## Full flow over HTTP (ticket, page, confirm, voucher verified)");
        line("");
        line("![throughput and p99 against concurrency](" + plotName + ")");
        line("");
        line("| concurrency | payments/s | payment p50 / p95 / p99 ms | confirm p50 / p95 / p99 ms | errors | gateway CPU ms per payment |");
        line("|---|---|---|---|---|---|");
        for (Map<String, Object> level : Reports.fullFlowLevels(results)) {
            Map<String, Object> confirm = map(level, "confirm");
            line("| " + level.get("concurrency") + " | " + perSecond(level) + " | " + latencies(level) + " | "
                    + latencies(confirm) + " | " + level.get("errors") + " | "
                    + number(level.get("gateway_cpu_ms_per_payment"), 1) + " |");
        }
        line("");
        profile("CPU per payment by stage, full flow", map(project, "profile"));
        profile("CPU per decision by stage, back unit, wallet spread", map(back, "profile_wallet_spread"));
        line("## Full flow through one front unit and through two");
        line("");
        line("Each front a process with profiles external,front, beside one back unit (external,back) with "
                + map(project, "back_unit_decisions").get("consumers") + " consumers, all on the bench's broker, "
                + "database and bank simulator; each browser stays on one front. CPU ms per payment of each unit "
                + "(the database and broker are the bench's and not counted here).");
        line("");
        line("| fronts | payments/s | payment p50 / p95 / p99 ms | errors | CPU ms per payment |");
        line("|---|---|---|---|---|");
        for (String fronts : List.of("one_front", "two_fronts")) {
            Map<String, Object> figures = map(scaling, fronts);
            StringBuilder cpu = new StringBuilder();
            map(figures, "cpu_ms_per_payment").forEach((unit, value) ->
                    cpu.append(cpu.isEmpty() ? "" : ", ").append(unit).append(" ").append(number(value, 1)));
            line("| " + (fronts.equals("one_front") ? 1 : 2) + " | " + perSecond(figures) + " | " + latencies(figures)
                    + " | " + figures.get("errors") + " | " + cpu + " |");
        }
        line("");
        line("## Raw limits");
        line("");
        line("| stage | per second | p50 / p95 / p99 ms |");
        line("|---|---|---|");
        rawRow("Argon2id verify (m=" + argon.get("memory_kib") + " KiB, t=" + argon.get("iterations") + ", p="
                + argon.get("parallelism") + "), 1 thread", map(argon, "one_thread"));
        rawRow("Argon2id verify, " + argon.get("threads") + " threads", map(argon, "all_cores"));
        rawRow("Argon2id verify, " + argon.get("threads") + " threads, just before the full flow",
                map(raw, "argon2id_verify_beside_full_flow"));
        rawRow("Ed25519 sign, " + argon.get("threads") + " threads", map(raw, "ed25519_sign"));
        rawRow("Ed25519 verify, " + argon.get("threads") + " threads", map(raw, "ed25519_verify"));
        Map<String, Object> ledger = map(raw, "ledger_transfer_sql");
        rawRow("ledger transfer SQL, raw JDBC, " + ledger.get("connections") + " connections, "
                + ledger.get("wallets") + " wallets to " + ledger.get("tills_spread") + " tills", map(ledger, "spread"));
        rawRow("ledger transfer SQL, into one hot till", map(ledger, "hot_till"));
        Map<String, Object> artemis = map(raw, "artemis_request_reply");
        rawRow("Artemis persistent request/reply, 1 in flight", map(artemis, "in_flight_1"));
        rawRow("Artemis persistent request/reply, 32 in flight", map(artemis, "in_flight_32"));
        Map<String, Object> jpos = map(raw, "jpos_qmux_round_trip");
        rawRow("jPOS QMUX 0100 round trip to the simulator, 1 in flight", map(jpos, "in_flight_1"));
        rawRow("jPOS QMUX 0100 round trip to the simulator, 32 in flight", map(jpos, "in_flight_32"));
        return out.toString();
    }

    private void profile(String title, Map<String, Object> profile) {
        line("## " + title + " (JFR, concurrency " + profile.get("concurrency") + ", "
                + number(profile.get("per_second"), 1) + "/s)");
        line("");
        line("Java threads' CPU split by JFR execution samples (" + profile.get("java_samples")
                + " samples, each counted for the innermost frame of a known stage); kdf is the CPU of the Argon2id"
                + " derivation threads as the kernel counts it (sampled, it came out at twice its cost: JFR does not"
                + " sample a thread while it is in the kernel); gc, jit and vm are HotSpot's own"
                + " threads; then the other processes the operation runs in: postgres (the embedded database; for the"
                + " back unit, the bench's) and, for the back unit, the bench's own JVM, which holds the broker and the"
                + " load driver.");
        line("");
        line("| stage | CPU ms |");
        line("|---|---|");
        map(profile, "cpu_ms_per_operation").forEach((stage, value) -> line("| " + stage + " | " + number(value, 1) + " |"));
        line("| **total** | **" + number(profile.get("cpu_ms_per_operation_total"), 1) + "** |");
        line("");
    }

    private void row(String ours, String ourValue, String limit, String limitValue) {
        line("| " + ours + " | " + ourValue + " | " + limit + " | " + limitValue + " |");
    }

    private void rawRow(String stage, Map<String, Object> figures) {
        line("| " + stage + " | " + perSecond(figures) + " | " + latencies(figures) + " |");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private static String perSecond(Map<String, Object> figures) {
        return number(figures.get("per_second"), 1);
    }

    private static String latencies(Map<String, Object> figures) {
        return number(figures.get("p50_ms"), 1) + " / " + number(figures.get("p95_ms"), 1) + " / "
                + number(figures.get("p99_ms"), 1);
    }

    private static String ms(Object value) {
        return number(value, 1) + " ms";
    }

    private static String percent(Object value) {
        return number(((Number) value).doubleValue() * 100, 0) + " %";
    }

    private static String number(Object value, int decimals) {
        return value instanceof Number number
                ? String.format(Locale.ROOT, "%,." + decimals + "f", number.doubleValue())
                : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}
