package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** node/1, nodes/1, disconnect, cookies per node, EPMD look-ups and global names, checked against a real erl. */
class DistributionBuiltinsInteropTest {
    private JerlWithErl cluster;
    private JerlShell jerl;
    private ErlNode erl;
    private String e;

    @BeforeEach
    void start() {
        cluster = new JerlWithErl();
        jerl = cluster.jerl;
        erl = cluster.erl;
        e = erl.atom();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void nodeOfAndNodesOfAKindAndDisconnect() throws Exception {
        String j = jerl.name();
        assertEquals("pong", jerl.eval("net_adm:ping(" + e + ")."));
        assertEquals(j, jerl.eval("node(self())."));
        assertEquals(j, jerl.eval("node(make_ref())."));
        assertEquals(erl.name(), jerl.eval("node(rpc:call(" + e + ", erlang, self, []))."));
        assertEquals("error:badarg", jerl.error("node(a)."));
        assertEquals("[" + j + "]", jerl.eval("nodes(this)."));
        assertEquals("[" + erl.name() + "]", jerl.eval("nodes(visible)."));
        assertEquals("[]", jerl.eval("nodes(hidden)."));
        assertEquals("[" + erl.name() + "]", jerl.eval("nodes(connected)."));
        assertEquals("[" + erl.name() + "," + j + "]", jerl.eval("nodes([this, connected])."));
        assertEquals("[" + erl.name() + "," + j + "]", jerl.eval("nodes(known)."));
        assertEquals("[]", jerl.eval("nodes([])."));
        assertEquals("error:badarg", jerl.error("nodes(foo)."));
        assertEquals("error:badarg", jerl.error("nodes([foo])."));
        assertEquals("false", jerl.eval("disconnect_node(node())."));
        assertEquals("false", jerl.eval("disconnect_node(1)."));
        assertEquals("true", jerl.eval("disconnect_node(" + e + ")."));
        awaitErl("nodes()", "[]");
        assertEquals("[]", jerl.eval("nodes()."));
        assertEquals("pong", jerl.eval("net_adm:ping(" + e + ")."));
        assertEquals("true", jerl.eval("net_kernel:disconnect(" + e + ")."));
        assertEquals("60", jerl.eval("net_kernel:get_net_ticktime()."));
    }

    @Test
    void aCookieSetForOneNodeIsTheOneItsHandshakeUses() throws Exception {
        String other = ErlTools.randomCookie().toLowerCase();
        try (ErlNode stranger = ErlNode.builder(ErlTools.uniqueName("stranger")).cookie(other)
                .epmdPort(cluster.epmd.port()).start()) {
            String s = stranger.atom();
            assertEquals("pang", jerl.eval("net_adm:ping(" + s + ")."));
            assertEquals("true", jerl.eval("erlang:set_cookie(" + s + ", '" + other + "')."));
            assertEquals("true", jerl.eval("erlang:get_cookie(" + s + ") =:= '" + other + "'."));
            assertEquals("pong", jerl.eval("net_adm:ping(" + s + ")."));
            assertEquals("pong", jerl.eval("net_adm:ping(" + e + ")."), "the other nodes keep the node's cookie");
            assertEquals("true", jerl.eval("erlang:get_cookie(" + e + ") =:= erlang:get_cookie()."));
        }
        assertEquals("error:badarg", jerl.error("erlang:set_cookie(\"s\")."));
        assertEquals("error:badarg", jerl.error("erlang:set_cookie(1, a)."));
        assertEquals("error:badarg", jerl.error("erlang:get_cookie(1)."));
        assertEquals("true", jerl.eval("erlang:set_cookie(changed)."));
        assertEquals("changed", jerl.eval("erlang:get_cookie()."));
        assertEquals("true", jerl.eval("disconnect_node(" + e + ")."), "a new handshake is needed to use it");
        awaitErl("nodes()", "[]");
        assertEquals("pang", jerl.eval("net_adm:ping(" + e + ")."), "the new default cookie is not erl's");
    }

    @Test
    void epmdLookUpsOnAHostAnswerAsErlsDo() throws Exception {
        assertEquals(erl.eval("net_adm:names(localhost)"), tw(jerl.eval("net_adm:names(localhost).")));
        assertEquals(erl.eval("erl_epmd:names(\"localhost\")"), tw(jerl.eval("erl_epmd:names(\"localhost\").")));
        String alive = erl.name().substring(0, erl.name().indexOf('@'));
        assertEquals(erl.eval("erl_epmd:port_please(\"" + alive + "\", \"localhost\")"),
                jerl.eval("erl_epmd:port_please(\"" + alive + "\", \"localhost\")."));
        assertEquals(erl.eval("erl_epmd:port_please(" + alive + ", {127,0,0,1})"),
                jerl.eval("erl_epmd:port_please(" + alive + ", {127,0,0,1})."));
        assertEquals("noport", jerl.eval("erl_epmd:port_please(\"nobody\", localhost)."));
        assertEquals("{error,nxdomain}", jerl.eval("net_adm:names(\"no.such.host.invalid\")."));
        assertEquals("{error,nxdomain}", jerl.eval("erl_epmd:names(\"no.such.host.invalid\")."));
    }

    /** The jerl shell's ~p of a term made of strings, tuples, lists and integers, as erl's ~w prints it. */
    private static String tw(String p) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        boolean first = true;
        for (char ch : p.replaceAll("\\s+", "").toCharArray()) {
            if (ch == '"') {
                out.append(inString ? "]" : "[");
                inString = !inString;
                first = true;
            } else if (inString) {
                out.append(first ? "" : ",").append((int) ch);
                first = false;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    @Test
    void globalNamesCanBeReRegisteredAndUnregisteredAndErlSeesIt() throws Exception {
        assertEquals("pong", jerl.eval("net_adm:ping(" + e + ")."));
        assertEquals("ok", erl.eval("global:sync()"));
        jerl.eval("P1 = spawn(fun() -> receive _ -> ok end end), P2 = spawn(fun() -> receive _ -> ok end end).");
        assertEquals("yes", jerl.eval("global:register_name(bifs_server, P1)."));
        assertEquals("yes", jerl.eval("global:re_register_name(bifs_server, P2)."));
        assertEquals("true", jerl.eval("global:whereis_name(bifs_server) =:= P2."));
        awaitErl("node(global:whereis_name(bifs_server))", jerl.name());
        assertEquals("ok", jerl.eval("global:unregister_name(bifs_server)."));
        assertEquals("ok", jerl.eval("global:unregister_name(never_registered)."));
        awaitErl("global:whereis_name(bifs_server)", "undefined");
        assertEquals("error:function_clause", jerl.error("global:re_register_name(bifs_server, a)."));
    }

    private void awaitErl(String expr, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!erl.eval(expr).equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, erl.eval(expr));
    }
}
