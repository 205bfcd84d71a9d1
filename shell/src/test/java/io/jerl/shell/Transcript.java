package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jerl.testing.ErlTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a piped shell printed, made comparable with an expected transcript written from erl's own run:
 * the banner line and erl's closing {@code *** Terminating erlang} go (they name the implementation),
 * pids and refs become {@code <pid>} and {@code #Ref<ref>} (their numbers differ from run to run), and log reports are taken out of the flow
 * into {@link #errorReports()}, because they arrive asynchronously, wherever the prompt happens to be.
 * Expected files and scripts name hosts as the seeds do ({@code server1}, {@code server2},
 * {@code ROGER-SURFACE-GO}); {@link #localize} puts this machine's host name there.
 */
final class Transcript {
    private static final String PLACEHOLDER_HOSTS = "server1|server2|ROGER-SURFACE-GO";
    private static final Pattern PROMPT_NODE = Pattern.compile("\\(([a-z]\\w*)@(?:" + PLACEHOLDER_HOSTS + ")\\)");
    private static final Pattern NODE_ATOM = Pattern.compile("'?([a-z]\\w*)@(?:" + PLACEHOLDER_HOSTS + ")'?");
    private static final Pattern PID = Pattern.compile("<\\d+\\.\\d+\\.\\d+>");
    private static final Pattern REF = Pattern.compile("#Ref<[\\d.]+>");
    /** erl's logger: a header line with the time, the report's lines, and the blank line its ~n leaves. */
    private static final Pattern ERL_REPORT = Pattern.compile("=([A-Z]+) REPORT==== [^\\n]* ===\\n((?:[^\\n]+\\n)*)\\n?");
    /** jerl's log lines (slf4j-simple, level in brackets). */
    private static final Pattern JERL_REPORT = Pattern.compile("\\[(ERROR|WARN|INFO)\\] ([^\\n]*)\\n");
    private static final Pattern BANNER = Pattern.compile("\\AEshell [^\\n]*\\n");
    private static final Pattern ENDING = Pattern.compile("(\\(\\S+\\)\\d+> )?(\\*\\*\\* Terminating erlang \\(\\S+\\)\\n?)?\\z");

    private final String node;
    private final String raw;
    private final String shell;
    private final List<String> errorReports = new ArrayList<>();

    Transcript(String node, String raw) {
        this.node = node;
        this.raw = raw;
        String text = takeReports(takeReports(raw.replace("\r\n", "\n"), ERL_REPORT), JERL_REPORT);
        text = BANNER.matcher(text).replaceFirst("");
        text = ENDING.matcher(text).replaceFirst("");
        this.shell = loosen(text);
    }

    /** Pids and refs differ from run to run: any pid matches any pid, any ref any ref. */
    private static String loosen(String text) {
        return REF.matcher(PID.matcher(text).replaceAll("<pid>")).replaceAll("#Ref<ref>");
    }

    /** Removes the reports {@code p} finds, keeping the error-level ones' text. */
    private String takeReports(String text, Pattern p) {
        Matcher m = p.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            if (m.group(1).equals("ERROR")) {
                errorReports.add(m.group(2).strip());
            }
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        return rest.toString();
    }

    /** The prompts, results and printed text, normalized as the class comment says. */
    String shellText() {
        return shell;
    }

    /** The text of every error report the shell showed, in order (warnings and info are not compared). */
    List<String> errorReports() {
        return List.copyOf(errorReports);
    }

    /** Asserts the normalized transcript equals the expected test resource {@code seeds/name}. */
    void assertMatches(String name) {
        String expected = loosen(localize(resource(name)));
        assertEquals(expected, shell, node + "'s transcript differs from " + name + "; it printed:\n" + raw);
    }

    /** Asserts the error reports are exactly {@code expected} (with the seeds' host names localized). */
    void assertErrorReports(String... expected) {
        List<String> want = new ArrayList<>();
        for (String e : expected) {
            want.add(localize(e));
        }
        assertEquals(want, errorReports, node + "'s error reports; it printed:\n" + raw);
    }

    /** A script or expected transcript from the test resources, ready for this host. */
    static String script(String name) {
        return localize(resource(name));
    }

    private static String resource(String name) {
        try (InputStream in = Transcript.class.getResourceAsStream("seeds/" + name)) {
            if (in == null) {
                throw new AssertionError("test resource seeds/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts this host in place of the seeds' host names: {@code (bus@server1)} prompts and node atoms. */
    static String localize(String text) {
        String host = ErlTools.shortHostName();
        String prompts = PROMPT_NODE.matcher(text).replaceAll(m -> Matcher.quoteReplacement("(" + m.group(1) + "@" + host + ")"));
        return NODE_ATOM.matcher(prompts).replaceAll(m -> Matcher.quoteReplacement(atom(m.group(1) + "@" + host)));
    }

    /** An atom as erl writes it: bare when it can be, else in single quotes (a host with '-' needs them). */
    static String atom(String name) {
        return name.matches("[a-z][A-Za-z0-9_@]*") ? name : "'" + name.replace("'", "\\'") + "'";
    }

    /** The prompt erl shows before form {@code n} on node {@code alive} of this host. */
    static String prompt(String alive, int n) {
        return "(" + alive + "@" + ErlTools.shortHostName() + ")" + n + "> ";
    }

    /** A node name of this host, as an atom: {@code node("bus")} is {@code bus@myhost}. */
    static String node(String alive) {
        return atom(alive + "@" + ErlTools.shortHostName());
    }
}
