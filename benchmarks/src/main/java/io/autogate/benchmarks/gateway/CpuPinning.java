package io.autogate.benchmarks.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the gateway benchmark's processes may run: the servers on one set of CPUs and the wrk
 * client on another ({@code taskset -c}), or anywhere ({@link #NONE}). Pinned, the client and the
 * servers no longer share cores, so a server with more busy threads than another cannot take CPU
 * time from the client beside it (Linux shares CPU time by thread); what is left is each server's
 * own cost per request.
 *
 * @param servers CPU list of the servers ({@code taskset} syntax, e.g. {@code 0} or {@code 0-1}), or {@code null}
 * @param client  CPU list of wrk, or {@code null}
 */
public record CpuPinning(String servers, String client) {
    /** No pinning: every process runs where the scheduler puts it. */
    public static final CpuPinning NONE = new CpuPinning(null, null);

    private static final Pattern CPU_LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");

    /** Parses {@code SERVERS:CLIENT}, two {@code taskset} CPU lists such as {@code 0:1}. */
    public static CpuPinning parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2 || !CPU_LIST.matcher(parts[0]).matches() || !CPU_LIST.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException("--pin takes SERVER_CPUS:CLIENT_CPUS such as 0:1, got '" + text + "'");
        }
        for (String part : parts) {
            for (String range : part.split(",")) {
                if (size(range) < 1) {
                    throw new IllegalArgumentException("--pin: the CPU range " + range + " in '" + text + "' is empty");
                }
            }
        }
        return new CpuPinning(parts[0], parts[1]);
    }

    /** Whether processes are pinned at all. */
    public boolean pinned() {
        return servers != null;
    }

    /**
     * How many CPUs the servers have: those of the server list when pinned, else every core. The
     * bare servers start one event loop per CPU, as the gateway does by default.
     */
    public int serverCpus() {
        if (!pinned()) {
            return Runtime.getRuntime().availableProcessors();
        }
        int count = 0;
        for (String range : servers.split(",")) {
            count += size(range);
        }
        return count;
    }

    // CPUs in one range of a list: "3" is one, "0-2" three, "3-1" none
    private static int size(String range) {
        String[] ends = range.split("-");
        return ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
    }

    /** A server's command line, run under {@code taskset} when pinned. */
    public List<String> server(List<String> command) {
        return wrap(servers, command);
    }

    /** The client's command line, run under {@code taskset} when pinned. */
    public List<String> client(List<String> command) {
        return wrap(client, command);
    }

    private static List<String> wrap(String cpus, List<String> command) {
        if (cpus == null) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("taskset", "-c", cpus));
        out.addAll(command);
        return out;
    }
}
